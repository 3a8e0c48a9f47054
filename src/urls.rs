//! The one URL policy: which URLs article markup, saved copies and Markdown may keep (ammonia's
//! `url_schemes`, in our own code). Every check that decides whether a URL is safe, a web page,
//! a script or a video player is here, so the sanitizer, the renderer, the saved copy and the
//! Markdown converter cannot disagree.

use url::Url;

use crate::tunables::{SANITIZE_DATA_IMAGE_TYPES, SANITIZE_URL_SCHEMES, VIDEO_PLAYERS};

/// A URL with an allowed scheme other than `data`, or a relative one. `Url::parse` follows the
/// WHATWG URL standard, so it strips the leading control characters and inner tabs/newlines a
/// browser strips (`" jav&#x09;ascript:"` is `javascript:`). A relative URL is checked again
/// with all white space and control characters removed, so that no browser quirk (old ones
/// ignored NULs and spaces in schemes) can read `java script:` as a scheme. Dangling markup
/// ([`is_dangling`]) is refused.
pub fn is_safe(value: &str) -> bool {
    if is_dangling(value) {
        return false;
    }
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

/// A URL holding a raw `<`, line break or tab: dangling markup (an unclosed
/// `<img src="https://x/?` swallowing the page text after it, which the request would carry
/// away), which browsers refuse to request.
pub fn is_dangling(value: &str) -> bool {
    value.contains(['<', '\n', '\r', '\t'])
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

/// An `https` URL of one of [`VIDEO_PLAYERS`]: the only frame the sanitizer keeps.
pub fn is_video_player(value: &str) -> bool {
    let Ok(url) = Url::parse(value) else { return false };
    url.scheme() == "https" && url.port().is_none() && url.host_str().is_some_and(|host| plays(host, url.path()))
}

/// A frame source of one of [`VIDEO_PLAYERS`] before URLs are made absolute
/// (`//www.youtube.com/embed/…`): the extractor keeps it as content; the sanitizer later keeps
/// only `https` players ([`is_video_player`]).
pub fn points_at_video_host(src: &str) -> bool {
    let Some(rest) = src.split_once("//").map(|(_, rest)| rest) else { return false };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    plays(&rest[..end].to_ascii_lowercase(), &rest[end..])
}

fn plays(host: &str, path: &str) -> bool {
    VIDEO_PLAYERS.iter().any(|(player, under)| host == *player && path.starts_with(under))
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
        assert!(is_video_player("https://archive.org/embed/film") && is_video_player("https://player.bilibili.com/player.html?bvid=1"));
        for user_content in [
            "https://evil.archive.org/embed/x",
            "https://archive.org/download/x/x.html",
            "https://upload.wikimedia.org/wikipedia/commons/a/a.svg",
            "https://www.youtube.com/redirect?q=https://evil.example",
            "https://youtu.be/x",
            "https://www.youtube.com:8443/embed/x",
        ] {
            assert!(!is_video_player(user_content), "{user_content}");
        }
    }

    #[test]
    fn dangling_markup() {
        for bad in ["https://evil.example/leak?<p>secret", "https://evil.example/?a\nb", "/x?\tq", "https://e.example/\r"] {
            assert!(!is_safe(bad), "{bad:?}");
        }
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
