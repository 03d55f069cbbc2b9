//! `compile --format html` in a real browser: the page of every shipped year, opened in headless
//! Chromium through ChromeDriver at 1280 and 390 px wide, then printed to PDF.
//!
//! ChromeDriver speaks WebDriver, JSON over HTTP on a port of this machine; the few requests the
//! tests need (a session, a page, a script, the DevTools commands for the screen size and
//! printing) are written here over a plain TCP stream, rather than with a WebDriver crate and
//! the async runtime it would bring. The measuring is done by a script in the page, which
//! reports what the layout engine computed: the widths of the document and of each table's
//! box, every heading, and for every link whether a click at its middle lands on it. Printing
//! uses the DevTools `Page.printToPDF` with the page's own `@page` rules (A4, the margins, the
//! page numbers in the margin boxes); poppler reads the PDF back.
//!
//! `DISCLOSE_SCREENSHOTS=DIR` also saves a full-page screenshot of each page at each width in
//! DIR, to look at.
// Product names (ChromeDriver, WebDriver, DevTools) read better without backticks.
#![allow(clippy::doc_markdown)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::html::visible_text;
use crate::seed::missing;
use crate::tools;
use crate::util::{SHIPPED, disclose, root};

/// Chromium's flags for this machine: headless, no sandbox (tests run as root here), and none
/// of its own network traffic.
const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
];

/// A ChromeDriver with one Chromium session, ended when dropped.
struct Browser {
    driver: Child,
    port: u16,
    session: String,
    profile: tempfile::TempDir,
}

impl Browser {
    /// Starts ChromeDriver and a Chromium session, or says why not ([`tools::all`]).
    fn start(test: &str) -> Option<Browser> {
        let found = tools::all(
            test,
            &[
                &["chromium", "chromium-browser", "google-chrome"],
                &["chromedriver"],
                &["pdftotext"],
                &["pdfinfo"],
            ],
        )?;
        let (chromium, chromedriver) = (&found[0], &found[1]);
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let profile = tempfile::tempdir().expect("a profile folder");
        let mut browser = Browser {
            driver,
            port,
            session: String::new(),
            profile,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while browser.request("GET", "/status", None).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not answer");
            std::thread::sleep(Duration::from_millis(100));
        }
        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|f| (*f).to_owned()).collect();
        args.push(format!(
            "--user-data-dir={}",
            browser.profile.path().display()
        ));
        args.push("--window-size=1280,900".to_owned());
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium, "args": args},
        }}});
        let answer = browser
            .request("POST", "/session", Some(&capabilities))
            .expect("a session");
        answer["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {answer}"))
            .clone_into(&mut browser.session);
        Some(browser)
    }

    /// One WebDriver request; the answer's `value`, or the error it reports.
    fn request(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).map_err(|e| e.to_string())?;
        stream
            .set_read_timeout(Some(Duration::from_secs(120)))
            .map_err(|e| e.to_string())?;
        let body = body.map(Value::to_string).unwrap_or_default();
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        );
        stream
            .write_all(request.as_bytes())
            .map_err(|e| e.to_string())?;
        let body = read_response(&mut stream)?;
        let value: Value = serde_json::from_str(&body).map_err(|e| format!("{e}: {body}"))?;
        let value = value["value"].clone();
        if value.get("error").is_some() {
            return Err(value.to_string());
        }
        Ok(value)
    }

    /// A command of this session.
    fn command(&self, method: &str, path: &str, body: &Value) -> Value {
        let path = format!("/session/{}{path}", self.session);
        self.request(method, &path, Some(body))
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    /// A DevTools command, through ChromeDriver.
    fn devtools(&self, cmd: &str, params: &Value) -> Value {
        self.command(
            "POST",
            "/goog/cdp/execute",
            &json!({"cmd": cmd, "params": params}),
        )
    }

    /// Opens a file.
    fn open(&self, file: &Path) {
        let url = format!("file://{}", file.display());
        self.command("POST", "/url", &json!({ "url": url }));
    }

    /// Lays the page out `width` CSS pixels wide, as a phone (`mobile`) or a desktop does.
    fn width(&self, width: u32) {
        self.devtools(
            "Emulation.setDeviceMetricsOverride",
            &json!({"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600}),
        );
    }

    /// Runs a script in the page and gives back what it returns.
    fn script(&self, script: &str) -> Value {
        self.command(
            "POST",
            "/execute/sync",
            &json!({"script": script, "args": []}),
        )
    }

    /// The page printed to PDF with its own `@page` rules.
    fn print(&self) -> Vec<u8> {
        let answer = self.devtools(
            "Page.printToPDF",
            &json!({"preferCSSPageSize": true, "printBackground": false}),
        );
        decode_base64(answer["data"].as_str().expect("PDF data"))
    }

    /// A full-page screenshot, as PNG.
    fn screenshot(&self) -> Vec<u8> {
        let answer = self.devtools(
            "Page.captureScreenshot",
            &json!({"format": "png", "captureBeyondViewport": true}),
        );
        decode_base64(answer["data"].as_str().expect("PNG data"))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let path = format!("/session/{}", self.session);
            let _ = self.request("DELETE", &path, None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// An HTTP response's body: read up to the end of its head, then as many bytes as its
/// `Content-Length` says (ChromeDriver keeps the connection open), or to the end of the stream.
fn read_response(stream: &mut TcpStream) -> Result<String, String> {
    let mut response = Vec::new();
    let mut buffer = [0u8; 16384];
    let head_end = loop {
        if let Some(at) = response.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        let n = stream.read(&mut buffer).map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("connection closed before the head".to_owned());
        }
        response.extend_from_slice(&buffer[..n]);
    };
    let head = String::from_utf8_lossy(&response[..head_end]).to_ascii_lowercase();
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|n| n.trim().parse::<usize>().ok());
    loop {
        if length.is_some_and(|n| response.len() - head_end >= n) {
            break;
        }
        let n = stream.read(&mut buffer).map_err(|e| e.to_string())?;
        if n == 0 {
            break;
        }
        response.extend_from_slice(&buffer[..n]);
    }
    let body = String::from_utf8_lossy(&response[head_end..]).into_owned();
    Ok(if head.contains("transfer-encoding: chunked") {
        unchunk(&body)
    } else {
        body
    })
}

/// A chunked HTTP body, put together.
fn unchunk(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, tail)) = rest.split_once("\r\n") {
        let Ok(size) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if size == 0 || tail.len() < size {
            break;
        }
        out.push_str(&tail[..size]);
        rest = tail[size..].trim_start_matches("\r\n");
    }
    out
}

/// Standard base64, as the DevTools protocol sends binary data.
fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut bits, mut count) = (0u32, 0);
    for six in text.bytes().filter_map(value) {
        bits = (bits << 6) | u32::from(six);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push(u8::try_from((bits >> count) & 0xFF).unwrap_or_default());
        }
    }
    out
}

/// What the page's layout says: widths, headings, links, table boxes, the date.
const MEASURE: &str = r"
const doc = document.documentElement;
const headings = [...document.querySelectorAll('h1, h2, h3')].map(h => ({
  text: h.textContent,
  shown: h.getClientRects().length > 0 && getComputedStyle(h).visibility !== 'hidden',
}));
const links = [...document.querySelectorAll('a[href]')].map(a => {
  a.scrollIntoView({block: 'center', inline: 'center'});
  const r = a.getClientRects()[0];
  if (!r) return {href: a.href, hit: false};
  const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 8), r.top + r.height / 2);
  return {href: a.href, hit: !!hit && (hit === a || a.contains(hit))};
});
window.scrollTo(0, 0);
const boxes = [...document.querySelectorAll('.scroll')].map(b => ({
  overflow: getComputedStyle(b).overflowX, inner: b.scrollWidth, outer: b.clientWidth,
  right: b.getBoundingClientRect().right,
}));
const date = document.querySelector('.signature p:last-child');
let dateLines = 0;
if (date) { const range = document.createRange(); range.selectNodeContents(date);
  dateLines = new Set([...range.getClientRects()].map(r => Math.round(r.top))).size; }
const h1 = document.querySelector('h1');
const titleLines = new Set([...h1.querySelectorAll('span')].map(s => Math.round(s.getBoundingClientRect().top))).size;
return {scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, innerWidth: window.innerWidth,
  bodyWidth: document.body.scrollWidth, headings, links, boxes, dateLines, titleLines};
";

/// The compiled page of a shipped year, written to `dir`.
fn page(dir: &Path, data: &str, year: &str) -> (PathBuf, String) {
    let file = dir.join(format!("{}.html", data.replace('/', "-")));
    let output = disclose()
        .arg("--data")
        .arg(root().join(data))
        .args(["compile", year, "-f", "html", "-q", "-o"])
        .arg(&file)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let html = std::fs::read_to_string(&file).expect("the page");
    (file, html)
}

/// The headings the page's source has, as text.
fn source_headings(html: &str) -> Vec<String> {
    let mut headings = Vec::new();
    for level in ["<h1", "<h2", "<h3"] {
        let mut rest = html;
        while let Some(at) = rest.find(level) {
            let element = &rest[at..];
            let end = element.find("</h").expect("a closed heading");
            headings.push(visible_text(&element[..end]).trim().to_owned());
            rest = &element[end..];
        }
    }
    headings.sort();
    headings
}

#[test]
fn every_shipped_page_reads_in_a_browser_at_desktop_and_phone_width() {
    let Some(browser) = Browser::start("browser layout") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temporary directory");
    let shots = std::env::var_os("DISCLOSE_SCREENSHOTS").map(PathBuf::from);
    for (data, year) in SHIPPED {
        let (file, html) = page(dir.path(), data, year);
        let expected = source_headings(&html);
        let hrefs = html.matches("<a href=").count();
        browser.open(&file);
        for width in [1280, 390] {
            browser.width(width);
            let m = browser.script(MEASURE);
            let place = format!("{data} {year} at {width} px");
            assert_eq!(m["innerWidth"], width, "{place}: {m}");
            assert!(
                m["scrollWidth"].as_u64() <= m["clientWidth"].as_u64(),
                "{place}: the page is wider than the screen: {m}"
            );
            let mut shown: Vec<String> = m["headings"]
                .as_array()
                .expect("headings")
                .iter()
                .filter(|h| h["shown"] == true)
                .map(|h| h["text"].as_str().unwrap_or_default().trim().to_owned())
                .collect();
            shown.sort();
            assert_eq!(shown, expected, "{place}: every heading shown");
            let links = m["links"].as_array().expect("links");
            assert_eq!(links.len(), hrefs, "{place}");
            for link in links {
                assert_eq!(link["hit"], true, "{place}: a click misses {link}");
                let href = link["href"].as_str().unwrap_or_default();
                assert!(
                    href.starts_with("http://") || href.starts_with("https://"),
                    "{href}"
                );
            }
            for b in m["boxes"].as_array().expect("boxes") {
                assert!(
                    b["inner"].as_u64() <= b["outer"].as_u64() || b["overflow"] == "auto",
                    "{place}: a table overflows its box: {b}"
                );
                assert!(
                    b["right"].as_f64() <= Some(f64::from(width)),
                    "{place}: {b}"
                );
            }
            assert_eq!(m["dateLines"], 1, "{place}: the date on one line");
            if *data == "data" {
                let title = m["titleLines"].as_u64().unwrap_or_default();
                assert!(title <= 2, "{place}: the title on {title} lines");
            }
            if let Some(shots) = &shots {
                std::fs::create_dir_all(shots).expect("the screenshot folder");
                let name = format!("{}-{width}.png", data.replace('/', "-"));
                std::fs::write(shots.join(name), browser.screenshot()).expect("a screenshot");
            }
        }
    }
}

#[test]
fn every_shipped_page_prints_on_a4_with_page_numbers() {
    let Some(browser) = Browser::start("browser printing") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temporary directory");
    for (data, year) in SHIPPED {
        let (file, html) = page(dir.path(), data, year);
        browser.open(&file);
        // As printed, on the width of A4's text block (156 mm, 590 CSS pixels), every table
        // keeps its right border inside the page.
        browser.width(590);
        browser.devtools("Emulation.setEmulatedMedia", &json!({"media": "print"}));
        let right = browser.script(
            "return Math.max(0, ...[...document.querySelectorAll('table')].map(t => t.getBoundingClientRect().right));",
        );
        assert!(
            right.as_f64() <= Some(590.0),
            "{data}: a table reaches {right} px of 590"
        );
        browser.devtools("Emulation.setEmulatedMedia", &json!({"media": ""}));
        browser.devtools("Emulation.clearDeviceMetricsOverride", &json!({}));
        let pdf = dir.path().join(format!("{}.pdf", data.replace('/', "-")));
        std::fs::write(&pdf, browser.print()).expect("the PDF");
        if let Some(shots) = std::env::var_os("DISCLOSE_SCREENSHOTS") {
            let name = format!("{}.pdf", data.replace('/', "-"));
            let _ = std::fs::copy(&pdf, PathBuf::from(shots).join(name));
        }
        let pages = tools::pdf_pages(&pdf);
        assert!(pages >= 2, "{data}: {pages} pages");
        // A4: 595 × 842 points.
        let words = tools::pdf_words(&pdf);
        assert!(
            (words[0].0 - 595.0).abs() < 2.0,
            "{data}: {} points wide",
            words[0].0
        );
        tools::assert_page_numbers_alternate(&pdf);
        // Nothing is cut at the right: no word beyond the right margin (26 mm, 74 points) by
        // more than the empty half of a full-width stop (8 points).
        for (page, (width, words)) in words.iter().enumerate() {
            for word in words {
                assert!(
                    word.x.1 <= width - 64.0 || word.text.contains('—'),
                    "{data}: page {}: `{}` reaches {} of {width}",
                    page + 1,
                    word.text,
                    word.x.1
                );
            }
        }
        if *data == "data" {
            let text = tools::pdf_body_text(&pdf);
            assert_eq!(
                missing(&text),
                Vec::<String>::new(),
                "{data}: the printed page"
            );
        }
        let text = tools::pdf_text(&pdf);
        if html.contains("class=\"attachment") {
            let last: &str = text
                .split('\u{c}')
                .rfind(|p| p.contains("附件"))
                .unwrap_or("");
            assert!(
                last.trim_start().starts_with("附件"),
                "{data}: the attachment starts a page: {last}"
            );
        }
    }
}

#[test]
fn base64_and_chunks_decode() {
    assert_eq!(decode_base64("aGVsbG8="), b"hello");
    assert_eq!(decode_base64("5Lit5paH"), "中文".as_bytes());
    assert_eq!(unchunk("5\r\nhello\r\n3\r\n, w\r\n0\r\n\r\n"), "hello, w");
}
