//! The core's modules import each other in one direction only: a stage may use the shared pieces
//! (dom, text, urls, tunables…), never the reverse, and no two modules need each other. Read
//! from the sources: every `crate::…` and `super::…` path outside comments and test modules is
//! an edge from the module it is written in to the module it names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Graph = BTreeMap<String, BTreeSet<String>>;

/// `src/extract/score.rs` → `extract::score`, `src/output/mod.rs` → `output`, `src/lib.rs` → `crate`.
fn module_name(relative: &Path) -> String {
    let mut parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let file = parts.pop().unwrap_or_default();
    let stem = file.trim_end_matches(".rs");
    if !matches!(stem, "mod" | "lib" | "main") {
        parts.push(stem.to_string());
    }
    if parts.is_empty() { "crate".to_string() } else { parts.join("::") }
}

/// The code of a file that counts: no comments, nothing from the first `#[cfg(test)]` on.
fn code(source: &str) -> String {
    let source = source.split("#[cfg(test)]").next().unwrap_or("");
    source
        .lines()
        .map(|line| match line.find("//") {
            // A `//` inside a string (a URL) only ever hides edges, never invents one.
            Some(i) => &line[..i],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The longest known module that `path` (segments after `crate`) starts with.
fn resolve(path: &[&str], modules: &BTreeSet<String>) -> Option<String> {
    (1..=path.len()).rev().map(|n| path[..n].join("::")).find(|m| modules.contains(m))
}

/// The paths that start `text`: `a::b::c`, or each item of a group, `a::{b, c::d}`.
fn paths(text: &str) -> Vec<Vec<&str>> {
    let mut path = Vec::new();
    let mut rest = text;
    loop {
        let name_len = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
        if name_len == 0 {
            break;
        }
        path.push(&rest[..name_len]);
        rest = &rest[name_len..];
        match rest.strip_prefix("::") {
            Some(after) => rest = after.trim_start(),
            None => break,
        }
    }
    // `crate::extract(…)` and `format!` end in a function or macro, not a module.
    if rest.starts_with(['(', '!']) {
        path.pop();
    }
    match rest.strip_prefix('{') {
        Some(group) if !path.is_empty() || text.starts_with('{') => group
            .split('}')
            .next()
            .unwrap_or("")
            .split(',')
            .map(|item| {
                let mut full = path.clone();
                full.extend(paths(item.trim()).into_iter().next().unwrap_or_default());
                full
            })
            .collect(),
        _ => vec![path],
    }
}

/// The modules each module names, from `sources` (module name → source text).
fn graph(sources: &BTreeMap<String, String>) -> Graph {
    let modules: BTreeSet<String> = sources.keys().filter(|m| *m != "crate").cloned().collect();
    let mut graph = Graph::new();
    for (module, source) in sources {
        let code = code(source);
        let mut targets = BTreeSet::new();
        // `crate::a::b`, `super::a`, and paths relative to the module itself (`byline::clean`
        // in `metadata`, `input::parse` in the crate root).
        let own: Vec<&str> = if module == "crate" { Vec::new() } else { module.split("::").collect() };
        let parent = own[..own.len().saturating_sub(1)].to_vec();
        let prefixes = [("crate::", Vec::new()), ("super::", parent), ("", own)];
        for (prefix, base) in prefixes {
            for (at, _) in code.match_indices(prefix) {
                if code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':') {
                    continue;
                }
                for path in paths(&code[at + prefix.len()..]) {
                    let mut full = base.clone();
                    full.extend(path);
                    if let Some(target) = resolve(&full, &modules).filter(|t| t != module) {
                        targets.insert(target);
                    }
                }
            }
        }
        graph.insert(module.clone(), targets);
    }
    graph
}

/// A cycle in `graph`, as the list of modules around it, if there is one (an iterative DFS).
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    let mut marks: BTreeMap<&str, Mark> = BTreeMap::new();
    for start in graph.keys() {
        if marks.contains_key(start.as_str()) {
            continue;
        }
        let mut stack: Vec<(&str, Vec<&str>)> =
            vec![(start.as_str(), graph[start].iter().map(String::as_str).collect())];
        marks.insert(start, Mark::Open);
        while let Some((node, pending)) = stack.last_mut() {
            let node = *node;
            match pending.pop() {
                Some(next) => match marks.get(next) {
                    Some(Mark::Open) => {
                        let from = stack.iter().position(|(n, _)| *n == next).unwrap_or(0);
                        let mut cycle: Vec<String> = stack[from..].iter().map(|(n, _)| n.to_string()).collect();
                        cycle.push(next.to_string());
                        return Some(cycle);
                    }
                    Some(Mark::Done) => {}
                    None => {
                        marks.insert(next, Mark::Open);
                        let children = graph.get(next).map(|t| t.iter().map(String::as_str).collect()).unwrap_or_default();
                        stack.push((next, children));
                    }
                },
                None => {
                    marks.insert(node, Mark::Done);
                    stack.pop();
                }
            }
        }
    }
    None
}

fn crate_sources() -> BTreeMap<String, String> {
    let src = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src"));
    let mut sources = BTreeMap::new();
    let mut dirs = vec![src.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && path.file_name().is_some_and(|n| n != "main.rs") {
                let relative = path.strip_prefix(src).unwrap();
                sources.insert(module_name(relative), std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    sources
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let graph = graph(&crate_sources());
    // The reading is real: it sees the pipeline's edges.
    for (from, to) in [("crate", "extract::ladder"), ("extract::score", "dom"), ("output::markdown", "output::save"), ("sanitize", "urls")] {
        assert!(graph.get(from).is_some_and(|t| t.contains(to)), "{from} → {to} not seen: {graph:#?}");
    }
    if let Some(cycle) = find_cycle(&graph) {
        panic!("modules import each other: {}", cycle.join(" → "));
    }
}

#[test]
fn the_check_finds_a_cycle_when_there_is_one() {
    let sources: BTreeMap<String, String> = [
        ("crate", "mod a; mod b; use a::run;"),
        ("a", "use crate::b::helper;\n// crate::c is only a comment"),
        ("b", "pub fn helper() { super::c::x() }"),
        ("c", "use crate::{dom, a::Thing};"),
        ("dom", "#[cfg(test)]\nmod tests { use crate::a; }"),
    ]
    .into_iter()
    .map(|(m, s)| (m.to_string(), s.to_string()))
    .collect();
    let graph = graph(&sources);
    assert_eq!(graph["a"], BTreeSet::from(["b".to_string()]));
    assert!(graph["dom"].is_empty());
    let cycle = find_cycle(&graph).expect("a → b → c → a is a cycle");
    assert_eq!(cycle.first(), cycle.last());
    assert!(cycle.contains(&"c".to_string()), "{cycle:?}");
}

#[test]
fn module_names_follow_the_folders() {
    assert_eq!(module_name(Path::new("extract/score.rs")), "extract::score");
    assert_eq!(module_name(Path::new("output/mod.rs")), "output");
    assert_eq!(module_name(Path::new("lib.rs")), "crate");
}

#[test]
#[ignore = "prints the module graph: cargo test --test layout -- --ignored --nocapture"]
fn print_graph() {
    for (from, to) in graph(&crate_sources()) {
        println!("{from} → {}", to.into_iter().collect::<Vec<_>>().join(", "));
    }
}
