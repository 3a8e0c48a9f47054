//! JSON-LD (`<script type="application/ld+json">`): the schema.org Article a page describes
//! itself with, found at the top level, in a top-level array or in an `@graph`.

use serde_json::Value;

use crate::tunables::{JSONLD_ARTICLE_TYPES, JSONLD_ORGANIZATION_TYPES};

/// What an Article object says, each field trimmed; `None` where it says nothing usable.
#[derive(Debug, Default, PartialEq)]
pub struct Article {
    pub name: Option<String>,
    pub headline: Option<String>,
    /// Author names joined with ", ".
    pub byline: Option<String>,
    pub publisher: Option<String>,
    pub date_published: Option<String>,
    pub date_modified: Option<String>,
    pub description: Option<String>,
    pub image: Option<String>,
}

/// The first Article among `scripts` (the text of each `ld+json` script, in page order).
/// Malformed JSON is skipped. Without an Article, the dates of the first object that has them
/// (Yoast's `WebPage` carries `datePublished` for pages it does not call articles), and nothing
/// else of it: a WebPage's name is the page's, not an article's.
pub fn first_article<'a>(scripts: impl IntoIterator<Item = &'a str>) -> Option<Article> {
    let values: Vec<Value> = scripts.into_iter().filter_map(parse).collect();
    values
        .iter()
        .find_map(|value| find_object(value, is_article).map(|article| read(article, value)))
        .or_else(|| {
            let dated = values.iter().find_map(|value| find_object(value, |o| o.get("datePublished").is_some()))?;
            Some(Article {
                date_published: text(dated.get("datePublished")),
                date_modified: text(dated.get("dateModified")),
                ..Article::default()
            })
        })
}

fn parse(script: &str) -> Option<Value> {
    let text = script.trim();
    // Some sites wrap the JSON in CDATA or HTML comment markers.
    let text = text.strip_prefix("<![CDATA[").and_then(|t| t.strip_suffix("]]>")).unwrap_or(text);
    let text = text.strip_prefix("<!--").and_then(|t| t.strip_suffix("-->")).unwrap_or(text);
    serde_json::from_str(text.trim()).ok()
}

/// True when the object's `@type` (a string or a list) names an Article type, with or without
/// a `schema:` or `http://schema.org/` prefix.
fn is_article(object: &Value) -> bool {
    has_type(object, JSONLD_ARTICLE_TYPES)
}

/// True when the object's `@type` (a string or a list) is one of `types`, with or without a
/// `schema:` or `http://schema.org/` prefix.
fn has_type(object: &Value, types: &[&str]) -> bool {
    let matches = |t: &Value| {
        t.as_str().is_some_and(|t| {
            let bare = t.rsplit(['/', ':']).next().unwrap_or(t);
            types.contains(&bare)
        })
    };
    match object.get("@type") {
        Some(Value::Array(list)) => list.iter().any(matches),
        Some(t) => matches(t),
        None => false,
    }
}

/// The first object `pick` takes, breadth first through top-level arrays and `@graph` lists.
/// Iterative; only containers are followed, not every nested value, so the search stays shallow.
fn find_object(root: &Value, pick: impl Fn(&Value) -> bool) -> Option<&Value> {
    let mut queue = std::collections::VecDeque::from([root]);
    while let Some(value) = queue.pop_front() {
        match value {
            Value::Array(items) => queue.extend(items),
            Value::Object(object) => {
                if pick(value) {
                    return Some(value);
                }
                if let Some(graph) = object.get("@graph") {
                    queue.push_back(graph);
                }
            }
            _ => {}
        }
    }
    None
}

fn text(value: Option<&Value>) -> Option<String> {
    let s = match value? {
        Value::String(s) => s.trim(),
        // A list of strings: the first.
        Value::Array(items) => return text(items.first()),
        _ => return None,
    };
    (!s.is_empty()).then(|| s.to_string())
}

/// A person or organization's name: a string, or an object's `name`.
fn name(value: &Value) -> Option<String> {
    match value {
        Value::String(_) => text(Some(value)).filter(|s| !looks_like_url(s)),
        Value::Object(_) => text(value.get("name")),
        _ => None,
    }
}

/// The objects of a document's top level, its arrays and `@graph` lists.
fn graph_objects(document: &Value) -> impl Iterator<Item = &Value> {
    let list = match document.get("@graph").unwrap_or(document) {
        Value::Array(items) => items.iter().collect(),
        single => vec![single],
    };
    list.into_iter().filter(|o| o.is_object())
}

/// An object given only by reference (`{"@id": "…#/schema/person/1"}`, as Yoast writes the
/// author) resolved to the object of that `@id` in the same document; anything else as it is.
fn resolve<'a>(value: &'a Value, document: &'a Value) -> &'a Value {
    match value.get("@id").and_then(Value::as_str) {
        Some(id) if value.get("name").is_none() => {
            find_object(document, |o| o.get("@id").and_then(Value::as_str) == Some(id) && o.get("name").is_some())
                .unwrap_or(value)
        }
        _ => value,
    }
}

/// The article's author names joined with ", ": its people when it names any beside
/// organizations (a newsroom credited next to its reporter is not an author).
fn authors(article: &Value, document: &Value) -> Option<String> {
    let listed: Vec<&Value> = match article.get("author") {
        Some(Value::Array(authors)) => authors.iter().map(|a| resolve(a, document)).collect(),
        Some(author) => vec![resolve(author, document)],
        // An article that names no author beside the one Person its graph describes: that
        // person wrote it (Yoast describes only the author so).
        None => {
            let mut people = graph_objects(document).filter(|o| has_type(o, &["Person"]) && name(o).is_some());
            match (people.next(), people.next()) {
                (Some(person), None) => vec![person],
                _ => Vec::new(),
            }
        }
    };
    let people: Vec<&Value> = listed.iter().copied().filter(|a| !has_type(a, JSONLD_ORGANIZATION_TYPES)).collect();
    let chosen = if people.iter().any(|a| name(a).is_some()) { people } else { listed };
    let names: Vec<String> = chosen.into_iter().filter_map(name).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

fn looks_like_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//")
}

/// An image: a URL string, an ImageObject's `url` (or `contentUrl`), or the first of a list.
fn image(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(_) => text(value),
        Value::Object(object) => text(object.get("url")).or_else(|| text(object.get("contentUrl"))),
        Value::Array(items) => items.iter().find_map(|item| image(Some(item))),
        _ => None,
    }
}

/// What `article` (found in `document`) says.
fn read(article: &Value, document: &Value) -> Article {
    let byline = authors(article, document);
    let publisher = match article.get("publisher") {
        Some(Value::Array(publishers)) => publishers.iter().find_map(name),
        Some(publisher) => name(publisher),
        None => None,
    };
    Article {
        name: text(article.get("name")),
        headline: text(article.get("headline")),
        byline,
        publisher,
        date_published: text(article.get("datePublished")),
        date_modified: text(article.get("dateModified")),
        description: text(article.get("description")),
        image: image(article.get("image")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_article() {
        let json = r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":" A headline ",
            "author":{"@type":"Person","name":"Jane Doe"},"publisher":{"name":"The Paper"},
            "datePublished":"2024-07-30T08:21:47+08:00","description":"About it.",
            "image":{"@type":"ImageObject","url":"https://x.test/a.jpg"}}"#;
        let a = first_article([json]).unwrap();
        assert_eq!(a.headline.as_deref(), Some("A headline"));
        assert_eq!(a.name, None);
        assert_eq!(a.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(a.publisher.as_deref(), Some("The Paper"));
        assert_eq!(a.date_published.as_deref(), Some("2024-07-30T08:21:47+08:00"));
        assert_eq!(a.description.as_deref(), Some("About it."));
        assert_eq!(a.image.as_deref(), Some("https://x.test/a.jpg"));
    }

    #[test]
    fn graph_and_arrays() {
        let graph = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Site"},
            {"@type":["Thing","BlogPosting"],"name":"Post","author":[{"name":"A. One"},"B. Two",{"name":""},"https://x.test/me"],
             "image":["https://x.test/1.jpg","https://x.test/2.jpg"]}]}"#;
        let a = first_article([graph]).unwrap();
        assert_eq!(a.name.as_deref(), Some("Post"));
        assert_eq!(a.byline.as_deref(), Some("A. One, B. Two"));
        assert_eq!(a.image.as_deref(), Some("https://x.test/1.jpg"));

        let array =
            r#"[{"@type":"BreadcrumbList"},{"@type":"schema:ReportageNewsArticle","headline":"H","author":"Solo"}]"#;
        let a = first_article([array]).unwrap();
        assert_eq!(a.headline.as_deref(), Some("H"));
        assert_eq!(a.byline.as_deref(), Some("Solo"));
    }

    #[test]
    fn skips_malformed_and_non_articles() {
        let scripts = [
            "{not json",
            r#"{"@type":"Organization","name":"Org"}"#,
            "<!-- {\"@type\":\"Article\",\"name\":\"Late\"} -->",
        ];
        assert_eq!(first_article(scripts).unwrap().name.as_deref(), Some("Late"));
        assert_eq!(first_article(["", "null", "[]", "42", r#"{"@type":3}"#]), None);
        // Deep nesting beyond serde_json's recursion limit is an error, not a crash.
        let deep = "[".repeat(100_000);
        assert_eq!(first_article([deep.as_str()]), None);
    }
}
