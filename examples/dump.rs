//! Every corpus page's article (content, textContent, metadata) as one JSON line, to prove a
//! change leaves extraction output unchanged: `cargo run --release --example dump -- DIR... > a`,
//! change, run again, `diff a b`.

use std::path::PathBuf;

fn main() {
    for dir in std::env::args().skip(1).map(PathBuf::from) {
        for corpus in lucid::eval::find_corpora(&dir).expect("readable corpus folder") {
            for page in lucid::eval::load_corpus(&corpus).expect("readable corpus") {
                let options = lucid::Options { url: page.url.clone(), ..lucid::Options::default() };
                let result = lucid::extract(&page.html, &options).map_err(|e| e.to_string());
                let line = serde_json::json!({ "page": format!("{}/{}", corpus.display(), page.id), "result": result });
                println!("{line}");
            }
        }
    }
}
