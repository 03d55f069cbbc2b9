//! Numbers in a published report's sentences → counts, and the sentences → narrative that names
//! them: "学校主页共发布信息1481条" becomes the text `学校主页共发布信息{学校主页/信息}` and a count
//! 学校主页/信息 = 1481 条, so that compiling the import prints the sentence back and every
//! figure is data, checked and compared from year to year.
//!
//! A figure is what validate calls a count typed into text (D502) — digits, 万 or 亿, a unit —
//! and also a qualifier around it (约, 近, 超过, 余, 多, 以上…) and a number of 万 without a unit
//! (获赞3.6244万). A total followed by its parts (共发布信息1481条，其中要闻884条、……) or parts
//! followed by their total (……，共计456篇) become a total with parts, whether or not they add up
//! (validate says when they do not, D301). A share printed after a part (占14.6%) becomes
//! `{…:占比}`, computed.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::ops::Range;

use super::cells;
use super::tables::PrintedForm;
use crate::check::narrative;
use crate::model::chinese::is_han;
use crate::model::submission::Qualifier;

/// A count found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    /// The channel given it.
    pub(crate) channel: String,
    /// The item given it.
    pub(crate) item: String,
    /// The number as written: `1481`, `338.8647万`.
    pub(crate) number: String,
    /// The unit, possibly empty.
    pub(crate) unit: String,
    /// The qualifier, as written.
    pub(crate) qualifier: Option<String>,
    /// The item of its total, when it is a part.
    pub(crate) parent: Option<String>,
    /// The paragraph it was found in, for the office to check against.
    pub(crate) source: String,
}

/// A figure's bytes in its paragraph, the count, and the bytes of the share printed after it.
type Spanned = (Range<usize>, Found, Option<Range<usize>>);

/// Units a figure may end with, longest first.
const UNITS: &[&str] = &[
    "人次", "场次", "期次", "批次", "条", "篇", "期", "份", "件", "项", "次", "人", "场", "个",
    "家", "所", "门", "册", "本", "部", "名", "位", "批", "轮", "元", "余次",
];
/// Words that may follow a number with 个 but make it a span of time, not a count.
const NOT_COUNTS: &[&str] = &[
    "个工作日",
    "个月",
    "个小时",
    "个学期",
    "个百分点",
    "个自然日",
];
/// Verbs after which the item counted is named: 发布信息, 印发《…》.
const VERBS: &[&str] = &[
    "发布", "印发", "公开", "推送", "刊发", "发表", "上传", "召开", "接待", "收到", "受理", "办理",
    "举办", "开展", "组织", "编印", "出版", "更新", "审核", "回复", "答复",
];
/// Words a total is announced with.
const TOTAL_WORDS: &[&str] = &["共计", "合计", "总计", "累计", "共"];
/// Words that announce the parts after a total.
const PARTS_WORDS: &[&str] = &["其中", "包括", "分别为", "分别是"];

/// Every count found in the paragraphs, with each paragraph rewritten to name them. `context`
/// names the channel of figures whose sentence names none (a part's or a group's heading);
/// `taken` holds the channel/item pairs used so far, kept unique across the report.
pub(crate) struct Extracted {
    /// The paragraph, with `{渠道/类别}` where its figures were.
    pub(crate) text: String,
    /// The counts.
    pub(crate) counts: Vec<Found>,
    /// How many decimals each share printed after a part had (`14.6%`: 1, `3%`: 0).
    pub(crate) share_decimals: Vec<usize>,
}

/// Finds the figures of one paragraph; a figure that repeats a cell of `forms` (the report's
/// own State Council forms) is named as the cell, not made a count.
pub(crate) fn extract(
    text: &str,
    context: &str,
    taken: &mut HashSet<(String, String)>,
    forms: &[PrintedForm],
) -> Extracted {
    let spans = spans(text);
    if spans.is_empty() {
        return Extracted {
            text: escape_braces(text),
            counts: Vec::new(),
            share_decimals: Vec::new(),
        };
    }
    let mut counts: Vec<Spanned> = Vec::new();
    for span in spans {
        let Some((qualifier, number, unit)) = parse(&text[span.clone()]) else {
            continue;
        };
        let before = &text[..span.start];
        let (channel, item) = names(before, context);
        // The sentence the figure is in, for the office to find it.
        let start = before.rfind(['。', '；']).map_or(0, |i| i + 3);
        let end = text[span.end..]
            .find(['。', '；'])
            .map_or(text.len(), |i| span.end + i + 3);
        counts.push((
            span,
            Found {
                channel,
                item,
                number,
                unit,
                qualifier,
                parent: None,
                source: text[start..end].to_owned(),
            },
            None,
        ));
    }
    let groups = totals(text, &mut counts);
    shares(text, &mut counts);
    let cells = form_cells(text, &counts, &groups, forms);
    // Unique names, the parts sharing their total's channel.
    for i in 0..counts.len() {
        if counts[i].1.parent.is_some() || cells[i].is_some() {
            continue;
        }
        let old = counts[i].1.item.clone();
        let (channel, item) = unique(taken, &counts[i].1.channel, &old);
        for (j, (_, found, _)) in counts.iter_mut().enumerate() {
            if j == i {
                found.channel.clone_from(&channel);
                found.item.clone_from(&item);
            } else if found.parent.as_deref() == Some(old.as_str()) {
                found.parent = Some(item.clone());
                found.channel.clone_from(&channel);
            }
        }
    }
    for ((_, found, _), cell) in counts.iter_mut().zip(&cells) {
        if found.parent.is_some() && cell.is_none() {
            let (_, item) = unique(taken, &found.channel, &found.item);
            found.item = item;
        }
    }
    let share_decimals = counts
        .iter()
        .filter_map(|(_, _, share)| share.as_ref())
        .map(|r| {
            let printed = &text[r.clone()];
            printed
                .split_once('.')
                .map_or(0, |(_, d)| d.chars().filter(char::is_ascii_digit).count())
        })
        .collect();
    // The text with references.
    let mut out = String::new();
    let mut last = 0;
    for ((span, found, share), cell) in counts.iter().zip(&cells) {
        out.push_str(&escape_braces(&text[last..span.start]));
        last = span.end;
        if let Some(cell) = cell {
            // The cell prints its number alone: the unit stays in the text, as printed.
            let figure = &text[span.clone()];
            let digits = figure
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(figure.len());
            let _ = write!(out, "{{{cell}}}{}", escape_braces(&figure[digits..]));
            continue;
        }
        let _ = write!(out, "{{{}/{}}}", found.channel, found.item);
        if let Some(share) = share {
            out.push_str(&escape_braces(&text[last..share.start]));
            let _ = write!(out, "{{{}/{}:占比}}", found.channel, found.item);
            last = share.end;
        }
    }
    out.push_str(&escape_braces(&text[last..]));
    Extracted {
        text: out,
        counts: counts
            .into_iter()
            .zip(cells)
            .filter(|(_, cell)| cell.is_none())
            .map(|((_, f, _), _)| f)
            .collect(),
        share_decimals,
    }
}

/// For each figure, the form cell it repeats ([`cells::cell_of`]). A total and its parts are
/// cells all together or not at all, so that no count is left with a total or parts that are
/// not counts; a part printed with its share is never a cell.
fn form_cells(
    text: &str,
    counts: &[Spanned],
    groups: &[Vec<usize>],
    forms: &[PrintedForm],
) -> Vec<Option<String>> {
    let mut cells: Vec<Option<String>> = counts
        .iter()
        .map(|(span, found, share)| {
            share
                .is_none()
                .then(|| cells::cell_of(forms, text, span, found))
                .flatten()
        })
        .collect();
    // Until no group is part cells, part counts (a total can be another's part).
    while let Some(group) = groups
        .iter()
        .find(|g| g.iter().any(|&i| cells[i].is_none()) && g.iter().any(|&i| cells[i].is_some()))
    {
        for &i in group {
            cells[i] = None;
        }
    }
    cells
}

/// `{` and `}` as narrative writes literal braces.
fn escape_braces(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}

/// The byte ranges of the figures of a text: every count validate would find (D502), widened to
/// its qualifiers, and numbers of 万 or with a qualifier that need no unit.
pub(crate) fn spans(text: &str) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = narrative::counts(text)
        .into_iter()
        .filter(|r| {
            !NOT_COUNTS
                .iter()
                .any(|n| text[r.start..].contains(n) && text[r.clone()].ends_with('个'))
        })
        .collect();
    // More units than validate's, and figures with no unit.
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (start, c) = chars[k];
        let before = k.checked_sub(1).map(|j| chars[j].1);
        if !c.is_ascii_digit()
            || before.is_some_and(|b| {
                b.is_ascii_alphanumeric() || b == '第' || b == '.' || b == '〔' || b == '['
            })
            || found.iter().any(|r| r.contains(&start))
        {
            k += 1;
            continue;
        }
        let mut j = k;
        while j < chars.len() && (chars[j].1.is_ascii_digit() || chars[j].1 == '.') {
            j += 1;
        }
        let end_digits = chars.get(j).map_or(text.len(), |(i, _)| *i);
        let rest = &text[end_digits..];
        let (wan, rest2) = match rest.chars().next() {
            Some(c @ ('万' | '亿')) => (true, &rest[c.len_utf8()..]),
            _ => (false, rest),
        };
        let rest3 = rest2
            .strip_prefix('余')
            .or_else(|| rest2.strip_prefix('多'))
            .unwrap_or(rest2);
        let unit = UNITS
            .iter()
            .find(|u| rest3.starts_with(*u) && !NOT_COUNTS.iter().any(|n| rest3.starts_with(n)));
        let after_unit = unit.map_or(rest3, |u| &rest3[u.len()..]);
        let bound = ["以上", "左右", "以下"]
            .iter()
            .find(|b| after_unit.starts_with(*b));
        let is_figure = unit.is_some() || wan || bound.is_some();
        if is_figure
            && !rest.starts_with(['年', '月', '日', '号', '%', '％', '时', '点', '〕', ']'])
        {
            let end = text.len() - after_unit.len() + bound.map_or(0, |b| b.len());
            found.push(start..end);
        }
        k = j.max(k + 1);
    }
    found.sort_by_key(|r| r.start);
    // Widen to the qualifiers written around the number. A figure holds one qualifier: one
    // after the number (1.2万余次, 5万次以上) is the figure's own, and a word before it (达) then
    // stays in the sentence's words, so that neither is lost.
    for range in &mut found {
        let after = &text[range.end..];
        if let Some(q) = ["以上", "左右", "以下"]
            .iter()
            .find(|q| after.starts_with(*q))
        {
            range.end += q.len();
        }
        let figure = &text[range.clone()];
        let inner = figure.contains(['余', '多'])
            || ["以上", "左右", "以下"].iter().any(|q| figure.ends_with(q));
        let trimmed = text[..range.start].trim_end_matches([' ', '\u{3000}']);
        if let Some(q) = Qualifier::ALL
            .iter()
            .filter(|q| Qualifier::parse(q).is_some_and(Qualifier::is_prefix))
            .filter(|q| !inner && trimmed.ends_with(*q))
            .max_by_key(|q| q.len())
        {
            range.start = trimmed.len() - q.len();
        }
    }
    found.dedup_by(|a, b| a.start < b.end);
    found
}

/// A figure's text → (qualifier, number as written, unit).
fn parse(figure: &str) -> Option<(Option<String>, String, String)> {
    let mut rest = figure;
    let mut qualifier = None;
    for q in Qualifier::ALL {
        if Qualifier::parse(q).is_some_and(Qualifier::is_prefix) && rest.starts_with(q) {
            qualifier = Some((*q).to_owned());
            rest = rest[q.len()..].trim_start_matches([' ', '\u{3000}']);
            break;
        }
    }
    let digits_end = rest
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '，' | '０'..='９' | '．')))
        .map_or(rest.len(), |(i, _)| i);
    let mut number = rest[..digits_end].replace(['，', ','], "");
    rest = &rest[digits_end..];
    if number.is_empty() {
        return None;
    }
    for big in ["万", "亿"] {
        if let Some(r) = rest.strip_prefix(big) {
            number.push_str(big);
            rest = r;
        }
    }
    if number.contains('亿') {
        // 亿 is not a count's unit here: keep it out of the data.
        return None;
    }
    rest = rest.trim_start_matches([' ', '\u{3000}']);
    for q in ["余", "多"] {
        if let Some(r) = rest.strip_prefix(q) {
            qualifier.get_or_insert_with(|| q.to_owned());
            rest = r;
        }
    }
    let mut unit = rest.to_owned();
    for q in ["以上", "左右", "以下"] {
        if let Some(u) = unit.strip_suffix(q) {
            qualifier.get_or_insert_with(|| q.to_owned());
            unit = u.to_owned();
        }
    }
    if number.contains('.') && !number.ends_with('万') {
        return None;
    }
    Some((qualifier, number, unit.trim().to_owned()))
}

/// Where a figure's words begin: after the last of these before it.
pub(super) const WORD_BREAKS: &[char] = &['，', '、', '：', '（', '('];
/// Where a figure's clause begins: after the last of these before it.
pub(super) const CLAUSE_BREAKS: &[char] = &['。', '；', '！', '？', '\n'];

/// The channel and item of a figure from the words before it: 学校主页共发布信息 → (学校主页,
/// 信息). The channel is the subject before the verb (发布, 公开, 印发…) of the figure's own words,
/// else of the nearest words before them in its clause (up to `；` or `。`) that have one
/// (教务系统发布教学通知286条、课程信息 → 教务系统), else the context's channel; never another
/// clause's.
fn names(before: &str, context: &str) -> (String, String) {
    let clause_start = after_last(before, &[WORD_BREAKS, CLAUSE_BREAKS].concat());
    let clause = before[clause_start..].trim();
    let (channel, item, published) = match verb(clause) {
        Some((i, v)) => (
            clean(&clause[..i]),
            clean(&clause[i + v.len()..]),
            matches!(v, "发布" | "推送" | "刊发" | "发表" | "上传" | "更新"),
        ),
        None => (String::new(), clean(clause), false),
    };
    // 予以公开4件: the manner and the verb are what is counted.
    let (channel, item) = match verb(clause) {
        Some((i, v)) if item.is_empty() && MANNERS.contains(&channel.as_str()) => {
            (String::new(), clean(&clause[..i + v.len()]))
        }
        _ => (channel, item),
    };
    let total_only =
        TOTAL_WORDS.iter().any(|w| clause.trim_end().ends_with(w)) && clean(clause).is_empty();
    let short = |s: String, max: usize| -> String {
        let n = s.chars().count();
        if n > max {
            s.chars().skip(n - max).collect()
        } else {
            s
        }
    };
    let channel = if is_channel(&channel) {
        channel
    } else {
        // The subject of the clause's earlier words: a list goes on with the verb's channel.
        let earlier = &before[after_last(before, CLAUSE_BREAKS)..clause_start];
        earlier
            .split(WORD_BREAKS)
            .rev()
            .filter_map(|words| verb(words).map(|(i, _)| clean(&words[..i])))
            .find(|subject| is_channel(subject))
            .unwrap_or_else(|| channel_of(context))
    };
    // A nickname after the channel (机械工程学院微信公众号“临江机械”) is not needed to name it.
    let channel = match channel.find('“') {
        Some(i) if i > 0 && channel.ends_with('”') => channel[..i].to_owned(),
        _ => channel,
    };
    let channel = if channel.is_empty() {
        "导入".to_owned()
    } else {
        short(channel, 12)
    };
    let item = short(item, 16);
    let item = match (item.is_empty(), published) {
        (true, _) if total_only => "合计".to_owned(),
        (false, _) => item,
        (true, true) => "信息".to_owned(),
        (true, false) => "数量".to_owned(),
    };
    (channel, item)
}

/// The byte after the last of `breaks` in `text` that is not inside a title or a quotation
/// (《江淮理工大学年鉴（2021）》, “临江机械”), or 0.
pub(super) fn after_last(text: &str, breaks: &[char]) -> usize {
    outside_quotes(text)
        .filter(|(_, c)| breaks.contains(c))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// The characters of `text` (with their byte offsets) outside titles and quotations: 《…》 and
/// “…”, the marks themselves left out.
fn outside_quotes(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut depth = 0usize;
    text.char_indices().filter(move |&(_, c)| match c {
        '《' | '“' => {
            depth += 1;
            false
        }
        '》' | '”' => {
            depth = depth.saturating_sub(1);
            false
        }
        _ => depth == 0,
    })
}

/// The first verb in `words` after which the item counted is named, and where it is. The 公开
/// of 信息公开 names something (信息公开网, 信息公开专栏), it is no verb.
fn verb(words: &str) -> Option<(usize, &'static str)> {
    VERBS
        .iter()
        .filter_map(|v| {
            words
                .match_indices(v)
                .find(|(i, _)| !(*v == "公开" && words[..*i].ends_with("信息")))
                .map(|(i, _)| (i, *v))
        })
        .min_by_key(|(i, _)| *i)
}

/// Words before a verb that say how, not who: 予以公开, 部分公开, 主动公开.
const MANNERS: &[&str] = &[
    "予以", "部分", "不予", "全部", "依法", "及时", "主动", "均", "已",
];

/// Whether a subject says which channel: Chinese words, and more than 学校 or a manner.
fn is_channel(subject: &str) -> bool {
    subject.chars().any(is_han) && subject != "学校" && !MANNERS.contains(&subject)
}

/// Words as a channel or an item: without the total and parts words around them, the function
/// words before them (学校 but in 学校主页, 同时, 本学年…), a year before them, and the characters
/// a reference cannot hold.
fn clean(words: &str) -> String {
    let mut s = words.trim();
    for w in TOTAL_WORDS
        .iter()
        .chain(PARTS_WORDS)
        .chain(&["达", "约", "近", "超过", "为", "有", "了", "等"])
    {
        s = s.trim_end_matches(w);
    }
    for _ in 0..3 {
        for w in [
            "本学年内",
            "学年内",
            "本年度内",
            "年度内",
            "年内",
            "学校",
            "同时",
            "此外",
            "其中",
            "包括",
            "另外",
            "全年",
            "本学年",
            "本年度",
            "通过",
            "共计",
            "共",
            "累计",
        ] {
            // 学校主页 keeps its 学校: a name of two characters would say too little.
            if let Some(rest) = s.strip_prefix(w)
                && (w != "学校" || rest.chars().count() > 2)
            {
                s = rest;
            }
        }
    }
    // A year before the words (2023-2024学年学院官网) is no part of the name.
    let s = s.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '—' | '–'));
    let s = ["学年", "年度", "年"]
        .iter()
        .fold(s, |s, w| s.strip_prefix(w).unwrap_or(s));
    // Nor is another figure inside the words (阅读量达3.2万人次的文章): a name holds no number,
    // or validate would read it as a figure written into the text. What follows it names. (A
    // title's year, 《年鉴（2021）》, is the title's.)
    let last_digit = outside_quotes(s)
        .filter(|(_, c)| c.is_ascii_digit())
        .last()
        .map(|(i, _)| i);
    let s = match last_digit {
        Some(i) => {
            let mut rest = &s[i + 1..];
            for w in ["万", "亿", "余", "多"]
                .iter()
                .chain(UNITS)
                .chain(&["以上", "的"])
            {
                rest = rest.strip_prefix(w).unwrap_or(rest);
            }
            rest
        }
        None => s,
    };
    s.chars()
        .filter(|c| !matches!(c, '/' | '{' | '}' | ':' | '：'))
        .collect::<String>()
        .trim()
        .to_owned()
}

/// A short channel name from a heading: 通过校报校刊、简报等公开信息情况 → 校报校刊.
fn channel_of(heading: &str) -> String {
    let mut s = heading.trim();
    for prefix in ["通过", "利用", "依托", "学校"] {
        s = s.strip_prefix(prefix).unwrap_or(s);
    }
    for suffix in ["公开信息情况", "信息公开情况", "公开情况", "情况", "工作"] {
        s = s.strip_suffix(suffix).unwrap_or(s);
    }
    let first = s
        .split(['、', '，', '等', '和', '及'])
        .next()
        .unwrap_or(s)
        .trim();
    first
        .chars()
        .filter(|c| !matches!(c, '/' | '{' | '}' | ':' | '：'))
        .take(12)
        .collect()
}

/// A channel/item pair not used before (`信息（2）`, `信息（3）`… when it is).
fn unique(taken: &mut HashSet<(String, String)>, channel: &str, item: &str) -> (String, String) {
    let mut candidate = item.to_owned();
    let mut n = 1;
    while taken.contains(&(channel.to_owned(), candidate.clone())) {
        n += 1;
        candidate = format!("{item}（{n}）");
    }
    taken.insert((channel.to_owned(), candidate.clone()));
    (channel.to_owned(), candidate)
}

/// Totals and their parts in one sentence: a total (共发布信息1481条) followed by 其中/包括 and
/// its parts, or parts followed by 共计 and their total. The parts take the total's channel.
/// Returns each total with its parts (their indices, the total's first).
fn totals(text: &str, counts: &mut [Spanned]) -> Vec<Vec<usize>> {
    let mut groups = Vec::new();
    let sentence_of = |at: usize, ends: &[char]| {
        let start = text[..at].rfind(ends).map_or(0, |i| i + 3);
        let end = text[at..].find(ends).map_or(text.len(), |i| at + i);
        start..end
    };
    let n = counts.len();
    for i in 0..n {
        let span = counts[i].0.clone();
        let sentence = sentence_of(span.start, &['。', '；', '！', '？']);
        let before = &text[sentence.start..span.start];
        let clause_start = before.rfind(['，', '、', '：']).map_or(0, |k| k + 3);
        let announces_total = TOTAL_WORDS
            .iter()
            .any(|w| before[clause_start.min(before.len())..].contains(w));
        // Parts after the total: the figures after 其中/包括, across 、，；, up to the end of the
        // sentence, until a clause names a subject of its own (a verb) or the parts add up.
        let whole = sentence_of(span.start, &['。', '！', '？']);
        let after_total = &text[span.end..whole.end];
        let next = after_total.trim_start_matches(['，', ',', '：', ' ']);
        let introduces_parts = PARTS_WORDS.iter().any(|w| next.starts_with(w));
        if !(announces_total || introduces_parts) || counts[i].1.parent.is_some() {
            continue;
        }
        let total: Option<u64> = counts[i].1.number.parse().ok();
        let number = |j: usize| counts[j].1.number.parse::<u64>().ok();
        let members: Vec<usize> = if introduces_parts {
            // Every figure to the end of the sentence; the first of them that add up to the
            // total, else those up to a clause with a subject of its own (a verb).
            let candidates: Vec<usize> = (i + 1..n)
                .take_while(|&j| counts[j].0.start < whole.end && counts[j].1.parent.is_none())
                .collect();
            let mut sum = 0u64;
            let exact = candidates.iter().position(|&j| {
                sum += number(j).unwrap_or(0);
                Some(sum) == total
            });
            match exact {
                Some(k) if k >= 1 => {
                    // Zeros right after still belong to the breakdown (通知公告0篇).
                    let mut end = k + 1;
                    while end < candidates.len() && number(candidates[end]) == Some(0) {
                        end += 1;
                    }
                    candidates[..end].to_vec()
                }
                _ => {
                    let mut members = Vec::new();
                    let mut from = span.end;
                    for &j in &candidates {
                        let between = &text[from..counts[j].0.start];
                        let clause = between
                            .rsplit(['，', '、', '；', '：'])
                            .next()
                            .unwrap_or(between);
                        if !members.is_empty()
                            && VERBS.iter().chain(TOTAL_WORDS).any(|v| clause.contains(v))
                        {
                            break;
                        }
                        members.push(j);
                        from = counts[j].0.end;
                    }
                    members
                }
            }
        } else {
            // Parts before their total (……，共计456篇): the figures of its sentence before it,
            // the last of them that add up to it when some do.
            let before: Vec<usize> = (0..i)
                .filter(|&j| counts[j].0.start >= sentence.start && counts[j].1.parent.is_none())
                .collect();
            let mut sum = 0u64;
            let exact = before.iter().rev().position(|&j| {
                sum += number(j).unwrap_or(0);
                Some(sum) == total
            });
            // Without 其中 to say so, figures are a total's parts only when they add up to it.
            match exact {
                Some(k) => before[before.len() - 1 - k..].to_vec(),
                None => Vec::new(),
            }
        };
        if members.len() < 2 {
            continue;
        }
        let (channel, item) = (counts[i].1.channel.clone(), counts[i].1.item.clone());
        for &j in &members {
            counts[j].1.parent = Some(item.clone());
            counts[j].1.channel.clone_from(&channel);
        }
        groups.push(std::iter::once(i).chain(members).collect());
    }
    groups
}

/// A share printed after a part (`占14.6%`, `占比7.9%`): replaced by `{…:占比}`, computed.
fn shares(text: &str, counts: &mut [Spanned]) {
    for (span, found, share) in counts.iter_mut() {
        if found.parent.is_none() {
            continue;
        }
        let after = &text[span.end..];
        let lead = after.len() - after.trim_start_matches([' ', '，', ',', '（', '(']).len();
        let rest = &after[lead..];
        let Some(word) = ["占比", "占"].iter().find(|w| rest.starts_with(*w)) else {
            continue;
        };
        let digits = &rest[word.len()..];
        let len = digits
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
            .map_or(digits.len(), |(i, _)| i);
        if len == 0 || !digits[len..].starts_with(['%', '％']) {
            continue;
        }
        let start = span.end + lead + word.len();
        let percent_len = digits[len..].chars().next().map_or(1, char::len_utf8);
        *share = Some(start..start + len + percent_len);
    }
}

#[cfg(test)]
mod tests;
