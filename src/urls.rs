//! The one URL policy: which URLs article markup, saved copies and Markdown may keep (ammonia's
//! `url_schemes`, in our own code). Every check that decides whether a URL is safe, a web page,
//! a script or a video player is here, so the sanitizer, the renderer, the saved copy and the
//! Markdown converter cannot disagree.

use url::Url;

use crate::tunables::{SANITIZE_DATA_IMAGE_TYPES, SANITIZE_URL_SCHEMES, VIDEO_HOSTS};

/// A URL with an allowed scheme other than `data`, or a relative one. `Url::parse` follows the
/// WHATWG URL standard, so it strips the leading control characters and inner tabs/newlines a
/// browser strips (`" jav&#x09;ascript:"` is `javascript:`). A relative URL is checked again
/// with all white space and control characters removed, so that no browser quirk (old ones
/// ignored NULs and spaces in schemes) can read `java script:` as a scheme.
pub fn is_safe(value: &str) -> bool {
    let allowed = |url: Url| url.scheme() != "data" && SANITIZE_URL_SCHEMES.contains(&url.scheme());
    match Url::parse(value) {
        Ok(url) => allowed(url),
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            let squeezed: String = value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
            match Url::parse(&squeezed) {
                Ok(url) => allowed(url),
                Err(error) => error == url::ParseError::RelativeUrlWithoutBase,
            }
        }
        Err(_) => false,
    }
}

/// What an image may show: a safe URL ([`is_safe`]) or an inline raster image ([`is_data_image`]).
pub fn is_safe_image(value: &str) -> bool {
    is_safe(value) || is_data_image(value)
}

/// `data:image/<raster type>;base64,…`, the only `data:` URL allowed (on `img src`).
pub fn is_data_image(value: &str) -> bool {
    let Ok(url) = Url::parse(value) else { return false };
    if url.scheme() != "data" {
        return false;
    }
    let Some((media, _payload)) = url.path().split_once(',') else { return false };
    let media = media.to_ascii_lowercase();
    media.strip_suffix(";base64").is_some_and(|kind| SANITIZE_DATA_IMAGE_TYPES.contains(&kind))
}

/// Every URL in a `srcset` is safe. Candidates are split on commas and white space alike, which
/// over-splits (descriptors and URL pieces become tokens of their own) but never hides a URL
/// inside another token, so a `javascript:` entry is seen however the list is punctuated.
pub fn is_safe_srcset(value: &str) -> bool {
    value.split(|c: char| c == ',' || c.is_ascii_whitespace()).filter(|token| !token.is_empty()).all(is_safe)
}

/// An absolute `http` or `https` URL: a page a link or a saved copy may point at.
pub fn is_web(value: &str) -> bool {
    Url::parse(value.trim()).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
}

/// `javascript:` and `vbscript:` URLs, however disguised with case, spaces or control characters.
pub fn is_script(value: &str) -> bool {
    let cleaned: String =
        value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).take(16).collect::<String>().to_lowercase();
    cleaned.starts_with("javascript:") || cleaned.starts_with("vbscript:")
}

/// One of [`VIDEO_HOSTS`] or a subdomain of one (`www.youtube.com`, not `youtube.com.evil.example`).
pub fn is_video_host(host: &str) -> bool {
    VIDEO_HOSTS.iter().any(|allowed| host.strip_suffix(allowed).is_some_and(|sub| sub.is_empty() || sub.ends_with('.')))
}

/// An `https` URL on one of [`VIDEO_HOSTS`]: the only frame the sanitizer keeps.
pub fn is_video_player(value: &str) -> bool {
    let Ok(url) = Url::parse(value) else { return false };
    url.scheme() == "https" && url.host_str().is_some_and(is_video_host)
}

/// A frame source on one of [`VIDEO_HOSTS`], before URLs are made absolute
/// (`//www.youtube.com/embed/…`): the host is taken by hand. The sanitizer later keeps only
/// `https` players ([`is_video_player`]).
pub fn points_at_video_host(src: &str) -> bool {
    let host = src.split("//").nth(1).and_then(|rest| rest.split(['/', '?', '#']).next()).unwrap_or("");
    is_video_host(&host.to_lowercase())
}

/// The rightmost label of a URL's host in lower-case ASCII, as the charset detector takes it: `cn`
/// for `https://news.sina.com.cn/`. An internationalized host must come in Punycode (this build's
/// `url` has no Unicode IDNA). `None` for an IP address, a URL without a host, or one that does not
/// parse.
pub fn top_level_domain(value: &str) -> Option<String> {
    let url = Url::parse(value.trim()).ok()?;
    let url::Host::Domain(host) = url.host()? else { return None };
    let label = host.trim_end_matches('.').rsplit('.').next()?.to_ascii_lowercase();
    // Hosts of non-special schemes are not normalized; the detector accepts only a clean label.
    (!label.is_empty() && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes() {
        for ok in ["https://a.example/x", "/relative", "page.html#x", "mailto:a@b.example", "tel:+1", "?q=1"] {
            assert!(is_safe(ok), "{ok}");
        }
        for bad in ["javascript:alert(1)", " jav\tascript:x", "java script:x", "JaVaScRiPt:x", "vbscript:x", "data:text/html,x", "file:///etc/passwd"] {
            assert!(!is_safe(bad), "{bad}");
        }
        assert!(is_script(" JAVA\u{0}SCRIPT:x") && !is_script("https://x.example/javascript:"));
        assert!(is_web("https://x.example") && !is_web("/a") && !is_web("ftp://x.example"));
    }

    #[test]
    fn video_hosts() {
        assert!(is_video_player("https://www.youtube.com/embed/x"));
        assert!(!is_video_player("http://www.youtube.com/embed/x"));
        assert!(!is_video_player("https://youtube.com.evil.example/embed"));
        assert!(points_at_video_host("//player.vimeo.com/video/1"));
        assert!(!points_at_video_host("//notyoutube.com/embed"));
    }

    #[test]
    fn top_level_domains() {
        assert_eq!(top_level_domain("https://news.sina.com.cn/c/1.html").as_deref(), Some("cn"));
        assert_eq!(top_level_domain("HTTP://WWW.LTN.COM.TW./news").as_deref(), Some("tw"));
        assert_eq!(top_level_domain("https://xn--e1afmkfd.xn--p1ai/").as_deref(), Some("xn--p1ai"));
        assert_eq!(top_level_domain("http://127.0.0.1:8080/"), None);
        assert_eq!(top_level_domain("file:///tmp/page.html"), None);
        assert_eq!(top_level_domain("not a url"), None);
    }
}
