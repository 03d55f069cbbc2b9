//! Tests of reading figures out of a published sentence.

use super::*;

fn run(text: &str) -> Extracted {
    extract(text, "主动公开", &mut HashSet::new(), &[])
}

#[test]
fn a_total_and_its_parts_become_data_and_references() {
    let e = run(
        "学校主页共发布信息 1481 条，包括要闻 884 条，校园动态 515 条，通知公告 82 条；办公系统发布通知公告 103 条",
    );
    assert_eq!(
        e.text,
        "学校主页共发布信息 {学校主页/信息}，包括要闻 {学校主页/要闻}，校园动态 {学校主页/校园动态}，通知公告 {学校主页/通知公告}；办公系统发布通知公告 {办公系统/通知公告}"
    );
    let parents: Vec<Option<&str>> = e.counts.iter().map(|c| c.parent.as_deref()).collect();
    assert_eq!(
        parents,
        [None, Some("信息"), Some("信息"), Some("信息"), None]
    );
    assert_eq!(e.counts[0].number, "1481");
    assert_eq!(e.counts[0].unit, "条");
}

#[test]
fn a_figure_takes_the_channel_of_its_own_clause() {
    // A group headed 通过办公系统、教务系统等公开信息情况: its context's channel is 办公系统.
    let heading = "通过办公系统、教务系统等公开信息情况";
    let e = extract(
        "办公系统发布通知公告103条；教务系统发布教学通知286条、课程信息1540条。",
        heading,
        &mut HashSet::new(),
        &[],
    );
    assert_eq!(
        e.text,
        "办公系统发布通知公告{办公系统/通知公告}；教务系统发布教学通知{教务系统/教学通知}、课程信息{教务系统/课程信息}。"
    );
    // The same item in another clause is another channel's, not a second of the first's.
    let e = extract(
        "办公系统发布通知公告103条；教务系统发布教学通知286条、通知公告1540条。",
        heading,
        &mut HashSet::new(),
        &[],
    );
    assert!(
        e.text.ends_with("、通知公告{教务系统/通知公告}。"),
        "{}",
        e.text
    );
    // Words with no verb before them in their clause take the context's channel, never an
    // earlier clause's.
    let e = extract(
        "教务系统发布教学通知286条；另有课程信息1540条。",
        "主动公开情况",
        &mut HashSet::new(),
        &[],
    );
    let channels: Vec<&str> = e.counts.iter().map(|c| c.channel.as_str()).collect();
    assert_eq!(channels, ["教务系统", "主动"]);
}

#[test]
fn parts_then_their_total_and_shares() {
    let e = run(
        "发布新闻：新闻动态265篇、教学实践69篇、学生活动15篇、党建工作107篇、通知公告0篇，共计456篇。",
    );
    let total = e.counts.last().unwrap();
    assert_eq!(
        (total.number.as_str(), total.parent.as_deref()),
        ("456", None)
    );
    assert!(
        e.counts[..3]
            .iter()
            .all(|c| c.parent.as_deref() == Some(total.item.as_str()))
    );
    let e = run("更新发布信息164项，其中招生就业工作13项，占7.9%；招标工作24项，占14.6%。");
    assert!(
        e.text.contains("{信息公开/招标工作:占比}") || e.text.contains(":占比}"),
        "{}",
        e.text
    );
    assert!(!e.text.contains("14.6"), "{}", e.text);
}

#[test]
fn qualifiers_no_units_and_what_is_not_a_figure() {
    let e = run(
        "官方微博发布约 3600 条，抖音获赞3.6244万，覆盖近338.8647万人，超过90个平台，300以上。",
    );
    let q: Vec<(Option<&str>, &str, &str)> = e
        .counts
        .iter()
        .map(|c| (c.qualifier.as_deref(), c.number.as_str(), c.unit.as_str()))
        .collect();
    assert_eq!(
        q,
        [
            (Some("约"), "3600", "条"),
            (None, "3.6244万", ""),
            (Some("近"), "338.8647万", "人"),
            (Some("超过"), "90", "个"),
            (Some("以上"), "300", ""),
        ]
    );
    let e = run(
        "依据教育部令第29号和教办函〔2014〕23号，于2020年10月29日前，在20个工作日内公开，就业率95.6%。",
    );
    assert!(e.counts.is_empty(), "{:?}", e.counts);
    assert_eq!(run("文中的{注}").text, "文中的{{注}}");
}

#[test]
fn a_qualifier_after_the_number_is_kept_and_a_word_before_it_stays_in_the_sentence() {
    for (sentence, qualifier, kept) in [
        ("阅读量达1.2万余次。", "余", "达"),
        ("播放量达5万次以上。", "以上", "达"),
        ("发布短视频近300条。", "近", ""),
    ] {
        let e = run(sentence);
        assert_eq!(e.counts.len(), 1, "{sentence}: {:?}", e.text);
        assert_eq!(
            e.counts[0].qualifier.as_deref(),
            Some(qualifier),
            "{sentence}"
        );
        assert!(
            kept.is_empty() || e.text.contains(&format!("{kept}{{")),
            "{sentence}: {}",
            e.text
        );
    }
}

#[test]
fn channels_are_named_without_the_words_around_them() {
    let names = |sentence: &str| -> Vec<(String, String)> {
        run(sentence)
            .counts
            .iter()
            .map(|c| (c.channel.clone(), c.item.clone()))
            .collect()
    };
    let pair = |c: &str, i: &str| (c.to_owned(), i.to_owned());
    assert_eq!(
        names("信息公开网更新信息228条。"),
        [pair("信息公开网", "信息")]
    );
    assert_eq!(
        names("学年内书记校长信箱收到意见建议37件。"),
        [pair("书记校长信箱", "意见建议")]
    );
    assert_eq!(
        names("学校编印《江淮理工大学年鉴（2021）》1部。"),
        [pair("主动公开", "《江淮理工大学年鉴（2021）》")]
    );
    assert_eq!(
        names("机械工程学院微信公众号“临江机械”推送图文120篇。"),
        [pair("机械工程学院微信公众号", "图文")]
    );
}

#[test]
fn an_outcome_is_its_manner_and_verb() {
    let e = extract(
        "其中予以公开4件、部分公开1件、信息不存在1件。",
        "依申请公开",
        &mut HashSet::new(),
        &[],
    );
    let names: Vec<(&str, &str)> = e
        .counts
        .iter()
        .map(|c| (c.channel.as_str(), c.item.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("依申请公开", "予以公开"),
            ("依申请公开", "部分公开"),
            ("依申请公开", "信息不存在")
        ]
    );
}

#[test]
fn a_name_holds_no_other_figure() {
    let e = run("官方微信公众号全年推送阅读量达3.2万人次的文章12篇。");
    let last = e.counts.last().expect("a count");
    assert!(
        !last.item.contains(|c: char| c.is_ascii_digit()),
        "{}",
        last.item
    );
}
