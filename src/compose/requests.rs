//! The sentences on disclosure requests (依申请公开) and on complaints, reconsiderations and
//! lawsuits, in the year's spelling and with its institution noun.

use std::fmt::Write as _;

use super::{Composer, end_sentence, placeholder};
use crate::model::location::Located;
use crate::model::submission::{Detail, Outcome, Requests};

impl Composer<'_> {
    /// 本学年 for an academic year, 本年度 for a calendar year.
    fn this_year(&self) -> &'static str {
        if self.facts.year.value.is_calendar() {
            "本年度"
        } else {
            "本学年"
        }
    }

    /// The number `n` of `unit` as the year spells a figure: `4件`, or `4 件`.
    fn count(&self, n: u64, unit: &str) -> String {
        self.spell.figure(&n.to_string(), unit, None)
    }

    /// The sentence on disclosure requests.
    pub(super) fn requests_sentence(&self) -> String {
        let Some(requests) = self
            .subs
            .departments
            .iter()
            .find_map(|d| d.requests.as_ref())
        else {
            return placeholder("依申请公开情况（[requests]）");
        };
        let this = self.this_year();
        if requests.total_in() == 0 {
            let none =
                self.facts.phrases.requests_none.clone().unwrap_or_else(|| {
                    format!("{this}未收到社会公众和师生员工的相关信息公开申请。")
                });
            return format!("{none}{}", self.fees_sentence(requests));
        }
        let s = &self.spell;
        let mut text = s.concat([
            &format!("{this}共收到信息公开申请"),
            &self.count(requests.received.value, "件"),
        ]);
        if let Some(over) = requests.carried_over.as_ref().filter(|c| c.value > 0) {
            text.push('，');
            let last = if self.facts.year.value.is_calendar() {
                "上年度结转"
            } else {
                "上学年结转"
            };
            s.join(&mut text, last);
            s.join(&mut text, &self.count(over.value, "件"));
        }
        text.push('。');
        let answered: u64 = requests.outcomes.iter().map(|(_, n)| n.value).sum();
        let outcomes: Vec<String> = requests
            .outcomes
            .iter()
            .filter(|(_, n)| n.value > 0)
            .map(|(o, n)| {
                let mut text = s.concat([o.as_str(), &self.count(n.value, "件")]);
                if *o == Outcome::Refused && !requests.grounds.is_empty() {
                    let _ = write!(text, "（{}）", self.breakdown(&requests.grounds));
                }
                text
            })
            .collect();
        if answered > 0 {
            let _ = write!(
                text,
                "{}，其中{}",
                s.concat(["已办结", &self.count(answered, "件")]),
                outcomes.join("，")
            );
        }
        if let Some(forward) = requests.carried_forward.as_ref().filter(|c| c.value > 0) {
            if answered > 0 {
                text.push('；');
            }
            let next = if self.facts.year.value.is_calendar() {
                "结转下年度继续办理"
            } else {
                "结转下学年继续办理"
            };
            text.push_str(&s.concat([next, &self.count(forward.value, "件")]));
        }
        end_sentence(&mut text);
        if !requests.arrivals.is_empty() {
            let _ = write!(
                text,
                "从申请方式看，{}。",
                self.breakdown(&requests.arrivals)
            );
        }
        text.push_str(&self.fees_sentence(requests));
        text
    }

    /// `属于国家秘密1件、涉及个人隐私1件`: the non-zero kinds of a breakdown of requests.
    fn breakdown(&self, list: &[(&Detail, Located<u64>)]) -> String {
        let pieces: Vec<String> = list
            .iter()
            .filter(|(_, n)| n.value > 0)
            .map(|(d, n)| self.spell.concat([d.name, &self.count(n.value, "件")]))
            .collect();
        pieces.join("、")
    }

    /// The sentence on fees, when `[requests.fees]` is given.
    fn fees_sentence(&self, requests: &Requests) -> String {
        let Some(fees) = &requests.fees else {
            return String::new();
        };
        let (charged, waived) = (fees.charged.value, fees.waived.value);
        if charged == 0 && waived == 0 {
            return format!("{}未收取信息公开申请相关费用。", self.this_year());
        }
        let s = &self.spell;
        let mut text = s.concat([
            &format!("{}收取信息公开申请相关费用", self.this_year()),
            &self.count(charged, "元"),
        ]);
        if waived > 0 {
            text.push('，');
            text.push_str(&s.concat(["减免", &self.count(waived, "元")]));
        }
        text.push('。');
        text
    }

    /// The sentence on complaints, reconsiderations and lawsuits.
    pub(super) fn complaints_sentence(&self) -> String {
        let Some(c) = self
            .subs
            .departments
            .iter()
            .find_map(|d| d.complaints.as_ref())
        else {
            return placeholder("举报、复议、诉讼情况（[complaints]）");
        };
        let this = self.this_year();
        let noun = &self.facts.typography.noun;
        if c.reports.value + c.reconsiderations.value + c.lawsuits.value == 0 {
            return self
                .facts
                .phrases
                .complaints_none
                .clone()
                .unwrap_or_else(|| {
                    format!("{this}{noun}无因信息公开工作遭到举报、复议、诉讼的情况。")
                });
        }
        let s = &self.spell;
        format!(
            "{}、{}、{}。",
            s.concat([
                &format!("{this}{noun}因信息公开工作受到举报"),
                &self.count(c.reports.value, "件")
            ]),
            s.concat(["行政复议", &self.count(c.reconsiderations.value, "件")]),
            s.concat(["行政诉讼", &self.count(c.lawsuits.value, "件")]),
        )
    }
}
