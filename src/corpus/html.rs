//! A small, forgiving HTML-to-text converter that remembers where every text byte came from.
//!
//! It is not a full HTML5 parser: it tokenises tags, comments and entities, drops
//! non-article content (scripts, navigation, asides ...), turns block elements into line
//! breaks and collapses whitespace. Every byte of the output text maps back to a byte
//! offset in the source, so figures found in the text can be reported in the HTML file.

/// Result of stripping one HTML document.
#[derive(Debug, Default)]
pub(crate) struct Stripped {
    pub text: String,
    /// `map[i]` = source offset of text byte `i`; `map.len() == text.len() + 1`.
    pub map: Vec<u32>,
    /// `<title>` text (entities decoded, whitespace collapsed).
    pub title: Option<String>,
    pub og_title: Option<String>,
    /// Text of the first `<h1>`.
    pub h1: Option<String>,
    /// Machine-readable publication times: (priority, value); lower priority wins.
    pub published: Vec<(u8, String)>,
    /// `<time datetime>` values (weaker than a byline in the text).
    pub times: Vec<String>,
}

/// Elements whose content is not article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "footer", "aside", "form", "button",
    "svg", "iframe", "select", "textarea", "object", "canvas", "dialog", "math",
];

/// Skipped elements that also end a line of text.
/// Table cells: a space between cells, so a table row stays one line of text
/// (`항셍지수 20,926.79 ▼2,172.99 -9.41%`) and reads like a price table.
const CELL: &[&str] = &["td", "th"];

const SKIP_BLOCK: &[&str] = &["head", "nav", "footer", "aside", "form", "dialog"];

/// Elements whose content is raw text (no tags inside).
const RAW: &[&str] = &[
    "script", "style", "title", "textarea", "xmp", "noscript", "iframe", "noembed", "noframes",
];

/// Elements that end a line of text.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "article",
    "section",
    "header",
    "main",
    "blockquote",
    "title",
    "figure",
    "figcaption",
    "pre",
    "hr",
    "address",
    "details",
    "summary",
    "center",
    "body",
    "html",
];

struct Tag<'a> {
    name: String,
    attrs: Vec<(String, &'a str)>,
    self_closing: bool,
    /// Offset just past the closing `>`.
    end: usize,
}

impl Tag<'_> {
    fn attr(&self, name: &str) -> Option<String> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| decode_entities(v))
    }
}

struct Stripper<'a> {
    src: &'a str,
    out: Stripped,
    /// Open element whose content is being dropped, and its nesting depth.
    skip: Option<(String, u32)>,
    pre: u32,
    h1_start: Option<usize>,
}

/// Strip `src` to text.
pub(crate) fn strip(src: &str) -> Stripped {
    let mut s = Stripper {
        src,
        out: Stripped::default(),
        skip: None,
        pre: 0,
        h1_start: None,
    };
    s.run();
    while s.out.text.ends_with([' ', '\n']) {
        s.out.text.pop();
        s.out.map.pop();
    }
    s.out.map.push(to_u32(src.len()));
    s.out
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl<'a> Stripper<'a> {
    fn run(&mut self) {
        let src = self.src;
        let bytes = src.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if self.skip.is_some() {
                // Only tags matter inside dropped content.
                match memchr::memchr(b'<', &bytes[i..]) {
                    Some(k) => i += k,
                    None => break,
                }
            }
            match bytes[i] {
                b'<' => i = self.markup(i),
                b'&' => match decode_entity(&src[i..]) {
                    Some((c, len)) => {
                        self.push_decoded(c, i);
                        i += len;
                    }
                    None => {
                        self.push_literal('&', i);
                        i += 1;
                    }
                },
                _ => {
                    let Some(c) = src[i..].chars().next() else {
                        break;
                    };
                    if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
                        if self.pre > 0 {
                            if c != '\r' {
                                self.push_literal(c, i);
                            }
                        } else {
                            self.space(i);
                        }
                    } else {
                        self.push_literal(c, i);
                    }
                    i += c.len_utf8();
                }
            }
        }
    }

    /// Handle markup at `i` (a `<`); returns the offset to continue at.
    fn markup(&mut self, i: usize) -> usize {
        let src = self.src;
        let rest = &src[i..];
        if rest.starts_with("<!--") {
            return find_from(src, i + 4, "-->").map_or(src.len(), |k| k + 3);
        }
        if rest.starts_with("<![CDATA[") {
            return find_from(src, i + 9, "]]>").map_or(src.len(), |k| k + 3);
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            return find_from(src, i + 2, ">").map_or(src.len(), |k| k + 1);
        }
        let next = rest.as_bytes().get(1).copied().unwrap_or(0);
        if next == b'/' && rest.as_bytes().get(2).is_some_and(u8::is_ascii_alphabetic) {
            let (name, name_end) = tag_name(src, i + 2);
            let end = find_from(src, name_end, ">").map_or(src.len(), |k| k + 1);
            self.close(&name, i);
            return end;
        }
        if next.is_ascii_alphabetic() {
            if let Some(tag) = parse_tag(src, i + 1) {
                return self.open(tag, i);
            }
        }
        if self.skip.is_none() {
            self.push_literal('<', i);
        }
        i + 1
    }

    fn open(&mut self, tag: Tag<'a>, pos: usize) -> usize {
        let name = tag.name.as_str();
        let mut end = tag.end;
        let in_head = self.skip.as_ref().is_some_and(|(n, _)| n == "head");
        if name == "meta" {
            self.meta(&tag);
        }
        if let Some(v) = tag.attr("itemprop") {
            if v.eq_ignore_ascii_case("datePublished") {
                if let Some(val) = tag.attr("content").or_else(|| tag.attr("datetime")) {
                    self.out.published.push((2, val));
                }
            }
        }
        if RAW.contains(&name) && !tag.self_closing {
            let (content, after) = raw_content(self.src, tag.end, name);
            end = after;
            if name == "title" && (self.skip.is_none() || in_head) && self.out.title.is_none() {
                let t = collapse(&decode_entities(content));
                if !t.is_empty() {
                    self.out.title = Some(t);
                }
            }
            if name == "script"
                && tag
                    .attr("type")
                    .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
            {
                if let Some(v) = json_date_published(content) {
                    self.out.published.push((1, v));
                }
            }
            if self.skip.is_none() && BLOCK.contains(&name) {
                // <title> outside <head>: a line break, never text.
                self.newline(pos);
            }
            return end;
        }
        if let Some((skip_name, depth)) = &mut self.skip {
            if skip_name == name && !tag.self_closing {
                *depth += 1;
            }
            return end;
        }
        if SKIP.contains(&name) {
            if !tag.self_closing {
                if SKIP_BLOCK.contains(&name) {
                    self.newline(pos);
                }
                self.skip = Some((name.to_owned(), 1));
            }
            return end;
        }
        if BLOCK.contains(&name) {
            self.newline(pos);
        } else if CELL.contains(&name) {
            self.space(pos);
        }
        match name {
            "pre" if !tag.self_closing => self.pre += 1,
            "h1" if self.out.h1.is_none() && self.h1_start.is_none() => {
                self.h1_start = Some(self.out.text.len());
            }
            "time" => {
                if let Some(v) = tag.attr("datetime") {
                    if tag.attrs.iter().any(|(n, _)| n == "pubdate") {
                        self.out.published.push((3, v));
                    } else {
                        self.out.times.push(v);
                    }
                }
            }
            _ => {}
        }
        end
    }

    fn close(&mut self, name: &str, pos: usize) {
        if let Some((skip_name, depth)) = &mut self.skip {
            if skip_name == name {
                *depth -= 1;
                if *depth == 0 {
                    self.skip = None;
                    if SKIP_BLOCK.contains(&name) {
                        self.newline(pos);
                    }
                }
            }
            return;
        }
        if BLOCK.contains(&name) {
            self.newline(pos);
        } else if CELL.contains(&name) {
            self.space(pos);
        }
        match name {
            "pre" => self.pre = self.pre.saturating_sub(1),
            "h1" => {
                if let Some(start) = self.h1_start.take() {
                    let t = self.out.text.get(start..).map(collapse).unwrap_or_default();
                    if !t.is_empty() {
                        self.out.h1 = Some(t);
                    }
                }
            }
            _ => {}
        }
    }

    fn meta(&mut self, tag: &Tag<'_>) {
        let Some(content) = tag.attr("content") else {
            return;
        };
        let key = tag
            .attr("property")
            .or_else(|| tag.attr("name"))
            .or_else(|| tag.attr("itemprop"))
            .unwrap_or_default()
            .to_ascii_lowercase();
        let priority = match key.as_str() {
            "article:published_time" => 0,
            "og:published_time" | "og:article:published_time" => 1,
            "datepublished" | "article.published" | "pubdate" | "publishdate" | "publish-date"
            | "publish_date" | "parsely-pub-date" | "sailthru.date" | "dc.date.issued"
            | "dcterms.issued" | "dc.date" | "dcterms.date" | "date" => 2,
            "og:title" => {
                if self.out.og_title.is_none() {
                    let t = collapse(&content);
                    if !t.is_empty() {
                        self.out.og_title = Some(t);
                    }
                }
                return;
            }
            _ => return,
        };
        self.out.published.push((priority, content));
    }

    /// A character copied from the source: byte `k` of it maps to `pos + k`.
    fn push_literal(&mut self, c: char, pos: usize) {
        if self.skip.is_some() {
            return;
        }
        self.out.text.push(c);
        for k in 0..c.len_utf8() {
            self.out.map.push(to_u32(pos + k));
        }
    }

    /// A character decoded from an entity at `pos`: all its bytes map to the `&`.
    fn push_decoded(&mut self, c: char, pos: usize) {
        if self.skip.is_some() {
            return;
        }
        if c == ' ' && self.pre == 0 {
            self.space(pos);
            return;
        }
        self.out.text.push(c);
        for _ in 0..c.len_utf8() {
            self.out.map.push(to_u32(pos));
        }
    }

    /// Whitespace in running text: at most one space, none at the start of a line.
    fn space(&mut self, pos: usize) {
        if self.skip.is_some() {
            return;
        }
        if self.out.text.is_empty() || self.out.text.ends_with([' ', '\n']) {
            return;
        }
        self.out.text.push(' ');
        self.out.map.push(to_u32(pos));
    }

    /// End of a block: drop trailing spaces, then one newline (mapped to the tag).
    fn newline(&mut self, pos: usize) {
        if self.skip.is_some() {
            return;
        }
        while self.out.text.ends_with(' ') {
            self.out.text.pop();
            self.out.map.pop();
        }
        if self.out.text.is_empty() || self.out.text.ends_with('\n') {
            return;
        }
        self.out.text.push('\n');
        self.out.map.push(to_u32(pos));
    }
}

fn find_from(src: &str, from: usize, needle: &str) -> Option<usize> {
    src.get(from..)
        .and_then(|s| memchr::memmem::find(s.as_bytes(), needle.as_bytes()))
        .map(|k| from + k)
}

/// Tag name starting at `i` (lower-cased) and the offset after it.
fn tag_name(src: &str, i: usize) -> (String, usize) {
    let bytes = src.as_bytes();
    let mut j = i;
    while j < bytes.len()
        && (bytes[j].is_ascii_alphanumeric() || matches!(bytes[j], b'-' | b':' | b'_'))
    {
        j += 1;
    }
    (src[i..j].to_ascii_lowercase(), j)
}

/// Parse an open tag whose name starts at `i` (just after `<`). `None` when there is no `>`.
fn parse_tag(src: &str, i: usize) -> Option<Tag<'_>> {
    let bytes = src.as_bytes();
    let (name, mut j) = tag_name(src, i);
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        match bytes.get(j)? {
            b'>' => {
                return Some(Tag {
                    name,
                    attrs,
                    self_closing,
                    end: j + 1,
                });
            }
            b'/' => {
                self_closing = true;
                j += 1;
                continue;
            }
            _ => {}
        }
        self_closing = false;
        let start = j;
        while j < bytes.len() && !bytes[j].is_ascii_whitespace() && !matches!(bytes[j], b'=' | b'>')
        {
            // A '/' ends the name only when it closes the tag.
            if bytes[j] == b'/' && bytes.get(j + 1) == Some(&b'>') {
                break;
            }
            j += 1;
        }
        let attr_name = src[start..j].to_ascii_lowercase();
        if j == start {
            // A stray character (e.g. a quote): skip it.
            j += 1;
            continue;
        }
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if bytes.get(j) != Some(&b'=') {
            attrs.push((attr_name, ""));
            continue;
        }
        j += 1;
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        let value = match bytes.get(j) {
            Some(&q) if q == b'"' || q == b'\'' => {
                let vstart = j + 1;
                let vend = memchr::memchr(q, &bytes[vstart..])? + vstart;
                j = vend + 1;
                &src[vstart..vend]
            }
            _ => {
                let vstart = j;
                while j < bytes.len() && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>' {
                    j += 1;
                }
                &src[vstart..j]
            }
        };
        attrs.push((attr_name, value));
    }
}

/// Content of a raw-text element opened before `from`, and the offset after its end tag.
fn raw_content<'s>(src: &'s str, from: usize, name: &str) -> (&'s str, usize) {
    let bytes = src.as_bytes();
    let mut k = from;
    while let Some(lt) = find_from(src, k, "</") {
        let n = lt + 2;
        let candidate = bytes.get(n..n + name.len());
        let after = bytes.get(n + name.len()).copied();
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes()))
            && after.is_none_or(|b| b == b'>' || b == b'/' || b.is_ascii_whitespace())
        {
            let end = find_from(src, n, ">").map_or(src.len(), |g| g + 1);
            return (&src[from..lt], end);
        }
        k = n;
    }
    (&src[from..], src.len())
}

/// `"datePublished": "..."` inside JSON-LD.
fn json_date_published(json: &str) -> Option<String> {
    let pos = json.find("\"datePublished\"")?;
    let rest = json[pos + 15..]
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    Some(rest[..end].to_owned())
}

/// Collapse whitespace runs to one space and trim.
pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decode all entities in an attribute value or title.
pub(crate) fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(k) = s[i..].find('&') {
        out.push_str(&s[i..i + k]);
        i += k;
        match decode_entity(&s[i..]) {
            Some((c, len)) => {
                out.push(c);
                i += len;
            }
            None => {
                out.push('&');
                i += 1;
            }
        }
    }
    out.push_str(&s[i..]);
    out
}

/// Decode the entity at the start of `s` (which starts with `&`): the character (`&nbsp;`
/// and numeric spaces become `' '`) and the entity's length in bytes. `None` when it is not
/// an entity we know. The closing `;` is required.
pub(crate) fn decode_entity(s: &str) -> Option<(char, usize)> {
    let body = s.strip_prefix('&')?;
    let semi = body.as_bytes().iter().take(33).position(|&b| b == b';')?;
    let name = &body[..semi];
    let len = semi + 2;
    if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        let c = match code {
            0x80..=0x9f => windows_1252(code),
            0x09 | 0x0a | 0x0c | 0x0d | 0x20 | 0xa0 => ' ',
            0 => '\u{fffd}',
            _ => char::from_u32(code).unwrap_or('\u{fffd}'),
        };
        return Some((c, len));
    }
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" | "ensp" | "emsp" | "thinsp" => ' ',
        "hellip" => '…',
        "darr" => '↓',
        "uarr" => '↑',
        "rarr" => '→',
        "larr" => '←',
        "middot" => '·',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "sbquo" => '‚',
        "bdquo" => '„',
        "times" => '×',
        "divide" => '÷',
        "minus" => '−',
        "plus" => '+',
        "plusmn" => '±',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "percnt" => '%',
        "permil" => '‰',
        "euro" => '€',
        "yen" => '¥',
        "pound" => '£',
        "won" => '₩',
        "cent" => '¢',
        "bull" => '•',
        "dollar" => '$',
        "comma" => ',',
        "period" => '.',
        "colon" => ':',
        "sol" => '/',
        "lpar" => '(',
        "rpar" => ')',
        "sect" => '§',
        "para" => '¶',
        "dagger" => '†',
        "Dagger" => '‡',
        "prime" => '′',
        "Prime" => '″',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "shy" => '\u{ad}',
        "zwsp" => '\u{200b}',
        _ => return None,
    };
    Some((c, len))
}

/// Numeric references in 0x80..=0x9F mean Windows-1252 (HTML5).
fn windows_1252(code: u32) -> char {
    match code {
        0x80 => '€',
        0x85 => '…',
        0x91 => '‘',
        0x92 => '’',
        0x93 => '“',
        0x94 => '”',
        0x95 => '•',
        0x96 => '–',
        0x97 => '—',
        0x99 => '™',
        _ => '\u{fffd}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_map(src: &str, s: &Stripped) {
        assert_eq!(s.map.len(), s.text.len() + 1);
        assert!(s.map.windows(2).all(|w| w[0] <= w[1]), "map not monotone");
        assert!(s.map.iter().all(|&m| (m as usize) <= src.len()));
    }

    #[test]
    fn entities_and_whitespace() {
        let src =
            "<p>S&amp;P500  3.00%&darr;\t&hellip; &#39;x&#39; &#x2212;1.5 &nbsp; A&B &bogus; </p>";
        let s = strip(src);
        check_map(src, &s);
        assert_eq!(s.text, "S&P500 3.00%↓ … 'x' −1.5 A&B &bogus;");
        // Every literal byte maps to itself in the source.
        let t = s.text.find("P500").unwrap();
        let o = s.map[t] as usize;
        assert_eq!(&src[o..o + 4], "P500");
        // A decoded character maps to its entity.
        let t = s.text.find('↓').unwrap();
        assert!(src[s.map[t] as usize..].starts_with("&darr;"));
    }

    #[test]
    fn dropped_content_and_blocks() {
        let src = "<!doctype html><html><head><title>T &amp; M | Sec</title>\
            <meta property=\"og:title\" content=\"OG\"><script>var a = '<p>no</p>';</script></head>\
            <body><header><nav><a>Home</a></nav><h1>Head <b>line</b></h1></header>\
            <!-- <p>comment</p> --><p>one<br>two</p><div><aside><p>x</p><aside>y</aside>z</aside>three</div>\
            <form><button>b</button></form><svg><title>icon</title></svg><footer>f</footer></body></html>";
        let s = strip(src);
        check_map(src, &s);
        assert_eq!(s.text, "Head line\none\ntwo\nthree");
        assert_eq!(s.title.as_deref(), Some("T & M | Sec"));
        assert_eq!(s.og_title.as_deref(), Some("OG"));
        assert_eq!(s.h1.as_deref(), Some("Head line"));
        // The newline after "one" maps to the <br>.
        let t = s.text.find("one").unwrap() + 3;
        assert!(src[s.map[t] as usize..].starts_with("<br>"));
    }

    #[test]
    fn meta_published_and_times() {
        let src = r#"<html><head><meta property="article:published_time" content="2024-08-05T07:12:00+09:00">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished": "2024-08-05T07:00:00Z"}</script>
            </head><body><time datetime="2024-08-05T08:00:00+09:00">x</time><p>a</p></body></html>"#;
        let s = strip(src);
        assert_eq!(
            s.published,
            vec![
                (0, "2024-08-05T07:12:00+09:00".to_owned()),
                (1, "2024-08-05T07:00:00Z".to_owned())
            ]
        );
        assert_eq!(s.times, vec!["2024-08-05T08:00:00+09:00".to_owned()]);
        assert_eq!(s.text, "x\na");
    }

    #[test]
    fn pre_keeps_whitespace_and_stray_lt_is_text() {
        let src = "<p>a < b</p><pre>x  1\n y</pre>";
        let s = strip(src);
        check_map(src, &s);
        assert_eq!(s.text, "a < b\nx  1\n y");
    }
}
