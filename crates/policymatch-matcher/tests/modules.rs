//! No module of the matcher imports another in a circle.
//!
//! Reads the crate's sources, takes each module's `crate::…` paths (outside comments and
//! test modules) as its imports, and looks for a strongly connected group of two or more
//! modules. The crate root (`lib.rs`) wires the modules together and is left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Every `.rs` file under `dir`, recursively, sorted.
fn sources(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            out.extend(sources(&path)?);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

/// The top-level module a source file belongs to (`report/html.rs` belongs to `report`).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib").then(|| name.to_string())
}

/// The modules `text` names through `crate::`, outside comments and its test module.
fn imports(text: &str) -> BTreeSet<String> {
    let code = text
        .split("#[cfg(test)]\nmod tests")
        .next()
        .unwrap_or_default();
    let mut out = BTreeSet::new();
    let mut in_group = false;
    for line in code.lines() {
        let line = line.trim();
        if line.starts_with("//") {
            continue;
        }
        // `use crate::{a, b::C};` names each of its members, over one or several lines
        let mut rest = line;
        if let Some(i) = rest.find("use crate::{") {
            in_group = true;
            rest = &rest[i + "use crate::{".len()..];
        }
        if in_group {
            let end = rest.find('}');
            let group = &rest[..end.unwrap_or(rest.len())];
            out.extend(
                group
                    .split(',')
                    .filter_map(|p| p.trim().split("::").next())
                    .filter(|m| !m.is_empty())
                    .map(str::to_string),
            );
            if end.is_some() {
                in_group = false;
            }
        }
        let mut s = line;
        while let Some(i) = s.find("crate::") {
            s = &s[i + "crate::".len()..];
            let name: String = s
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_' || c.is_ascii_digit())
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

/// The groups of two or more modules that reach each other (Tarjan's strongly connected
/// components), each sorted.
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        let graph = s.graph;
        for w in graph.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low[v];
                s.low.insert(v, lv.min(lw));
            } else if s.on_stack.contains(w) {
                let iw = s.index[w];
                let lv = s.low[v];
                s.low.insert(v, lv.min(iw));
            }
        }
        if s.low[v] == s.index[v] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                group.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                s.found.push(group);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.found
}

#[test]
fn no_module_imports_another_in_a_circle() -> TestResult {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in sources(&src)? {
        let Some(module) = module_of(&src, &file) else {
            continue;
        };
        let text = std::fs::read_to_string(&file)?;
        graph.entry(module).or_default().extend(imports(&text));
    }
    let modules: BTreeSet<String> = graph.keys().cloned().collect();
    for (m, deps) in graph.iter_mut() {
        deps.retain(|d| d != m && modules.contains(d));
    }
    // the ranking's stages are there, and the candidate imports none of them
    for stage in [
        "retrieve",
        "features",
        "context",
        "wording",
        "kind",
        "diversity",
    ] {
        assert!(graph.contains_key(stage), "no module {stage}");
        assert!(
            !graph["candidate"].contains(stage),
            "candidate imports the stage {stage}"
        );
    }
    assert_eq!(circles(&graph), Vec::<Vec<String>>::new());
    Ok(())
}

#[test]
fn a_circle_is_found() {
    let edges = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")];
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, to) in edges {
        graph.entry(from.into()).or_default().insert(to.into());
        graph.entry(to.into()).or_default();
    }
    assert_eq!(circles(&graph), vec![vec!["a", "b", "c"]]);
    assert_eq!(
        imports("use crate::{candidate::Candidate, config};\n// crate::kind\nx(crate::par::map)"),
        ["candidate", "config", "par"]
            .into_iter()
            .map(String::from)
            .collect::<BTreeSet<_>>()
    );
}
