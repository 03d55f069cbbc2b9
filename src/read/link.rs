//! Links as a browser reads them: the one check of every link a year holds (checklist entries,
//! event rows) and of every link a template may print as an `href`.
//!
//! A link is parsed by the WHATWG URL rules (the `url` crate, as browsers parse), and only then
//! is its host looked at: `https://evil.com\@www.example.edu.cn/` is a link to `evil.com`, as a
//! browser opens it, not to the university. Beyond parsing, a link must be http or https, name a
//! host with a dot, carry no user name or password (`https://user:pass@…`, which hides the real
//! host behind a familiar one), no backslash (which a browser reads as `/`), and no control,
//! invisible or direction-changing character (NUL, U+202E…), which make the text shown differ
//! from the address opened.

pub use crate::findings::problem::LinkFault as Fault;
use crate::findings::wording::is_hidden;

/// The host of `text` as a browser would open it (lower case, in ASCII), when `text` is a link
/// to publish.
pub fn host(text: &str) -> Result<String, Fault> {
    let text = text.trim();
    if let Some(c) = text.chars().find(|&c| is_hidden(c)) {
        return Err(Fault::Hidden(c));
    }
    if text.chars().any(char::is_whitespace) {
        return Err(Fault::Space);
    }
    let scheme = text.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
    if !matches!(scheme.as_deref(), Some("http" | "https")) {
        return Err(Fault::NotHttp);
    }
    if text.contains('\\') {
        return Err(Fault::Backslash);
    }
    let url = url::Url::parse(text).map_err(|e| Fault::Invalid(e.to_string()))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Fault::Credentials);
    }
    match url.host_str() {
        Some(host) if host.contains('.') && !host.starts_with('.') && !host.ends_with('.') => {
            Ok(host.to_owned())
        }
        _ => Err(Fault::NoDomain),
    }
}

/// Whether `text` is a link a page may point at ([`host`] accepts it).
pub fn is_safe(text: &str) -> bool {
    host(text).is_ok()
}

/// A domain as [`host`] gives hosts: lower case, in ASCII (an internationalised domain in
/// punycode).
pub fn domain(text: &str) -> String {
    let text = text.trim().trim_start_matches('.');
    match url::Host::parse(text) {
        Ok(url::Host::Domain(d)) => d,
        _ => text.to_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_of_links() {
        assert_eq!(
            host("https://xxgk.example.edu.cn/list.htm").as_deref(),
            Ok("xxgk.example.edu.cn")
        );
        assert_eq!(
            host("http://example.edu.cn:8080?a=1").as_deref(),
            Ok("example.edu.cn")
        );
        assert_eq!(
            host("HTTPS://Example.edu.cn/").as_deref(),
            Ok("example.edu.cn")
        );
        assert_eq!(
            host("https://信息.example.cn/").as_deref(),
            Ok("xn--vuq861b.example.cn")
        );
    }

    #[test]
    fn what_is_not_a_link_to_publish() {
        let fault = |text: &str| host(text).unwrap_err();
        assert_eq!(fault("www.example.edu.cn/x"), Fault::NotHttp);
        assert_eq!(fault("ftp://example.edu.cn"), Fault::NotHttp);
        assert_eq!(fault("javascript:alert(1)"), Fault::NotHttp);
        assert_eq!(fault("https://exa mple.cn"), Fault::Space);
        assert!(matches!(fault("https://"), Fault::Invalid(_)));
        assert!(matches!(
            fault("https://www.example.edu.cn:99999/"),
            Fault::Invalid(_)
        ));
        assert_eq!(
            fault("https://evil.com\\@www.example.edu.cn/"),
            Fault::Backslash
        );
        assert_eq!(
            fault("https://user:pass@www.example.edu.cn/"),
            Fault::Credentials
        );
        assert_eq!(
            fault("https://www.example.edu.cn@evil.com/"),
            Fault::Credentials
        );
        assert_eq!(
            fault("https://www.example.edu.cn/\u{202e}fdp.exe"),
            Fault::Hidden('\u{202e}')
        );
        assert_eq!(
            fault("https://www.example.edu.cn/a\0b"),
            Fault::Hidden('\0')
        );
        assert_eq!(fault("http://intranet/"), Fault::NoDomain);
    }

    #[test]
    fn a_browser_s_host_not_the_text_s() {
        // Without the backslash check, the parser alone already sees evil.com.
        let url = url::Url::parse("https://evil.com\\@www.example.edu.cn/").unwrap();
        assert_eq!(url.host_str(), Some("evil.com"));
    }

    #[test]
    fn hidden_characters_are_shown_and_domains_compared_in_ascii() {
        let shown = crate::findings::wording::visible("a\u{202e}b\0");
        assert_eq!(shown, "a\\u{202e}b\\u{0000}");
        assert_eq!(domain(".Example.EDU.cn"), "example.edu.cn");
    }
}
