//! A running `pagefind --service`, and the protocol bantin speaks with
//! it (Pagefind's `lib/service.js` speaks the same): each message is a
//! JSON object, base64-encoded, followed by a comma. Requests carry a
//! `message_id` that the response repeats.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde_json::{Value, json};

use super::{Files, problem};
use crate::diagnostic::Diagnostic;

/// The message id of the request for an index's files: the largest
/// Pagefind takes (its ids are 32-bit); pages count up from 1, far below.
const FILES_ID: u64 = u32::MAX as u64;

/// A running `pagefind --service`.
pub(super) struct Service {
    child: Child,
    responses: BufReader<ChildStdout>,
    /// Reads stderr as it comes, so Pagefind never waits on it; what it
    /// said explains a stop.
    stderr: Option<std::thread::JoinHandle<String>>,
    next_id: u64,
}

impl Service {
    pub(super) fn start(program: &Path) -> Result<Service, Diagnostic> {
        let mut child = Command::new(program)
            .arg("--service")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| problem(format!("cannot run Pagefind ({}): {e}", program.display())))?;
        let stdout = child.stdout.take().expect("piped");
        let mut stderr = child.stderr.take().expect("piped");
        let stderr = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        });
        Ok(Service {
            child,
            responses: BufReader::new(stdout),
            stderr: Some(stderr),
            next_id: 0,
        })
    }

    fn message(&mut self, payload: Value) -> (u64, Vec<u8>) {
        self.next_id += 1;
        let text = json!({ "message_id": self.next_id, "payload": payload }).to_string();
        let mut bytes = BASE64.encode(text).into_bytes();
        bytes.push(b',');
        (self.next_id, bytes)
    }

    /// Reads the next response: its id and payload.
    fn receive(&mut self) -> Result<(u64, Value), String> {
        let mut raw = Vec::new();
        let n = self
            .responses
            .read_until(b',', &mut raw)
            .map_err(|e| format!("cannot read from it: {e}"))?;
        if n == 0 {
            return Err(format!("it stopped{}", self.stderr_tail()));
        }
        raw.pop_if(|b| *b == b',');
        let decoded = BASE64
            .decode(&raw)
            .map_err(|e| format!("it answered something that is not base64: {e}"))?;
        let mut message: Value = serde_json::from_slice(&decoded)
            .map_err(|e| format!("it answered something that is not JSON: {e}"))?;
        Ok((
            message["message_id"].as_u64().unwrap_or(0),
            message["payload"].take(),
        ))
    }

    /// The error a payload reports, if it is one.
    fn error(payload: &Value) -> Option<String> {
        (payload["type"] == "Error").then(|| {
            payload["message"]
                .as_str()
                .unwrap_or("an unknown error")
                .to_owned()
        })
    }

    /// Indexes the pages that arrive on `pages` (address, HTML) until the
    /// channel closes, then returns the index's files.
    pub(super) fn index(&mut self, pages: Receiver<(String, Vec<u8>)>) -> Result<Files, String> {
        let mut stdin = self.child.stdin.take().expect("piped");
        let (_, new) = self.message(json!({ "type": "NewIndex" }));
        stdin
            .write_all(&new)
            .and_then(|_| stdin.flush())
            .map_err(|e| format!("cannot write to it: {e}"))?;
        let (_, created) = self.receive()?;
        if let Some(e) = Self::error(&created) {
            return Err(e);
        }
        let index_id = created["index_id"].clone();

        // The pages, as they come, then the request for the files, written
        // from another thread while this one reads: Pagefind answers as it
        // goes, and neither side may wait on a full pipe. Ids are counted
        // on from here; the request for the files has one of its own.
        let first_id = self.next_id + 1;
        let urls: Arc<Mutex<Vec<String>>> = Arc::default();
        let (ids, written_urls) = (first_id, Arc::clone(&urls));
        // The writer hands stdin back: Pagefind stops at the end of its
        // input, even with answers still to give, so it stays open until
        // the files are in.
        let writer = std::thread::spawn(move || {
            let mut id = ids;
            let send = |stdin: &mut std::process::ChildStdin, id: u64, payload: Value| {
                let text = json!({ "message_id": id, "payload": payload }).to_string();
                let mut bytes = BASE64.encode(text).into_bytes();
                bytes.push(b',');
                stdin.write_all(&bytes)
            };
            let mut written = Ok(());
            for (url, html) in pages {
                let Ok(contents) = String::from_utf8(html) else {
                    written = Err(std::io::Error::other(format!(
                        "the page {url} is not UTF-8"
                    )));
                    break;
                };
                written_urls
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push(url.clone());
                let page = json!({
                    "type": "AddFile",
                    "index_id": index_id,
                    "url": url,
                    "file_contents": contents,
                });
                written = send(&mut stdin, id, page);
                id += 1;
                if written.is_err() {
                    break;
                }
            }
            let written = written
                .and_then(|()| {
                    send(
                        &mut stdin,
                        FILES_ID,
                        json!({ "type": "GetFiles", "index_id": index_id }),
                    )
                })
                .and_then(|()| stdin.flush());
            (stdin, written)
        });
        let files = loop {
            match self.receive() {
                Ok((id, payload)) => match Self::error(&payload) {
                    Some(e) => {
                        let urls = urls.lock().unwrap_or_else(|e| e.into_inner());
                        match id.checked_sub(first_id).and_then(|i| urls.get(i as usize)) {
                            Some(url) => break Err(format!("{e}, indexing the page {url}")),
                            None => break Err(e),
                        }
                    }
                    None if id == FILES_ID => break Ok(payload),
                    None => {}
                },
                Err(e) => break Err(e),
            }
        };
        if files.is_err() {
            // Unblocks the writer, should Pagefind have stopped reading.
            let _ = self.child.kill();
        }
        let (stdin, written) = writer
            .join()
            .map_err(|_| "the thread writing to it panicked".to_owned())?;
        self.child.stdin = Some(stdin);
        written.map_err(|e| format!("cannot write to it: {e}"))?;
        let payload = files?;
        payload["files"]
            .as_array()
            .ok_or("it sent no files")?
            .iter()
            .map(|f| {
                let path = f["path"].as_str().ok_or("a file without a path")?;
                if path.contains("..") || path.starts_with('/') {
                    return Err(format!("it sent a file outside its folder: {path}"));
                }
                let bytes = BASE64
                    .decode(f["content"].as_str().unwrap_or(""))
                    .map_err(|e| format!("the file {path} is not base64: {e}"))?;
                Ok((path.replace('\\', "/"), bytes))
            })
            .collect()
    }

    /// What Pagefind said on stderr, for a message.
    fn stderr_tail(&mut self) -> String {
        let _ = self.child.kill();
        let text = self
            .stderr
            .take()
            .and_then(|h| h.join().ok())
            .unwrap_or_default();
        let text = text.trim();
        if text.is_empty() {
            String::new()
        } else {
            format!(": {}", text.lines().last().unwrap_or(text))
        }
    }

    pub(super) fn stop(mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
