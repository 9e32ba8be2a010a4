//! Surveys in bounded memory (issue 13.2): the records handed out one line at a time by
//! `survey_group_lines`, in batches, are the records `survey_group` builds all at once,
//! and the group files `plrep survey` streams to disk are those lines, whatever the
//! number of threads.

use super::survey::{fresh, plrep};
use plrep::group::Limits;
use plrep::group::PermGroup;
use plrep::pl::{Activation, SolverOptions};
use plrep::survey::groups::expand;
use plrep::survey::record::{survey_group, survey_group_lines, ActionChoice, SurveyOptions};
use plrep::Error;

/// A group by catalog or SmallGroups name.
fn lookup(name: &str) -> PermGroup {
    expand(&[name.to_string()]).unwrap().remove(0).group
}

fn options() -> SurveyOptions {
    SurveyOptions {
        actions: vec![ActionChoice::Transitive, ActionChoice::Regular],
        solver: SolverOptions::new(Activation::Relu),
        limits: Limits::default(),
    }
}

/// The lines of `survey_group`'s records (the reference: every record held at once).
fn held(name: &str) -> Vec<String> {
    survey_group(name, &lookup(name), &options())
        .iter()
        .map(|m| m.record.to_string())
        .collect()
}

/// C2^4 has 67 classes of subgroups: more modules than one batch of any pool here, so
/// the lines cross several batches and must keep their order.
#[test]
fn streamed_lines_are_the_held_records_in_order() {
    let name = "SG16_14";
    let mut lines = Vec::new();
    let mut seconds = Vec::new();
    survey_group_lines(name, &lookup(name), &options(), None, &mut |m| {
        lines.push(m.line);
        seconds.push(m.seconds);
        Ok(())
    })
    .unwrap();
    let reference = held(name);
    assert_eq!(lines.len(), 68, "67 transitive modules and the regular one");
    assert_eq!(lines, reference);
    assert!(seconds.iter().all(|s| *s >= 0.0));
}

/// A sink's error stops the group: it is returned, and no line after it is handed out.
#[test]
fn a_sink_error_stops_the_stream() {
    let name = "SG16_14";
    let mut calls = 0;
    let r = survey_group_lines(name, &lookup(name), &options(), None, &mut |_| {
        calls += 1;
        if calls == 3 {
            Err(Error::Io("disk full".into()))
        } else {
            Ok(())
        }
    });
    assert!(matches!(r, Err(Error::Io(m)) if m == "disk full"));
    assert_eq!(calls, 3);
}

/// A group whose every module breaks a limit gives its error records through the sink.
#[test]
fn refused_groups_stream_their_error_records() {
    let mut o = options();
    o.actions = vec![ActionChoice::Regular];
    o.limits.max_points = 4;
    let g = lookup("S3");
    let mut lines = Vec::new();
    survey_group_lines("S3", &g, &o, None, &mut |m| {
        lines.push(m.line);
        Ok(())
    })
    .unwrap();
    let reference: Vec<String> = survey_group("S3", &g, &o)
        .iter()
        .map(|m| m.record.to_string())
        .collect();
    assert_eq!(lines, reference);
    assert_eq!(lines.len(), 1);
    assert!(lines[0].contains(r#""status":"error""#), "{}", lines[0]);
}

/// The group files written by `plrep survey` (streamed, one batch at a time) are the
/// held records' lines, byte for byte, with 1 and 2 threads; no temporary file remains.
#[test]
fn survey_files_are_the_records_with_any_thread_count() {
    let mut texts = Vec::new();
    for jobs in ["1", "2"] {
        let dir = fresh(&format!("stream-{jobs}"));
        let out = plrep(&[
            "survey",
            "SG16_14",
            "S3",
            "--actions",
            "transitive",
            "--actions",
            "regular",
            "--jobs",
            jobs,
            "--quiet",
            "--out",
            dir.to_str().unwrap(),
        ]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert!(names.iter().all(|n| !n.contains(".tmp.")), "{names:?}");
        let file = |n: &str| std::fs::read_to_string(dir.join(n)).unwrap();
        for (f, g) in [("0000-SG16_14.jsonl", "SG16_14"), ("0001-S3.jsonl", "S3")] {
            let expected: String = held(g).iter().map(|l| l.clone() + "\n").collect();
            assert_eq!(file(f), expected, "{f} with --jobs {jobs}");
        }
        texts.push((file("0000-SG16_14.jsonl"), file("summary.csv")));
    }
    assert_eq!(texts[0], texts[1]);
}
