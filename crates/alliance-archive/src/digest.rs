//! Digests in the spellings the formats use, and deterministic record ids.

use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::Path;

use data_encoding::BASE32;
use sha1::Sha1;
use sha2::{Digest, Sha256};

use crate::ArchiveError;

/// `sha1:` + RFC 4648 base32 of the SHA-1 of `data`: the WARC digest spelling
/// (32 characters, no padding since 20 bytes are exactly 32 base32 digits).
pub(crate) fn warc_sha1(data: &[u8]) -> String {
    format!("sha1:{}", BASE32.encode(&Sha1::digest(data)))
}

/// Lower-case hex of the SHA-256 of `data`.
pub(crate) fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

/// Lower-case hex SHA-256 and size of the file at `path`, read in chunks.
pub(crate) fn sha256_file(path: &Path) -> Result<(String, u64), ArchiveError> {
    hash_file(path, None)
}

/// Copies the file at `from` to a new file `to`, returning the lower-case hex
/// SHA-256 and size of what was copied.
pub(crate) fn copy_with_sha256(from: &Path, to: &Path) -> Result<(String, u64), ArchiveError> {
    let out = File::create(to).map_err(|e| ArchiveError::io("cannot create", to, e))?;
    hash_file(from, Some((to, BufWriter::new(out))))
}

/// Reads `path` in chunks, hashing it and writing it to `copy` if given.
fn hash_file(
    path: &Path,
    mut copy: Option<(&Path, BufWriter<File>)>,
) -> Result<(String, u64), ArchiveError> {
    let mut file = File::open(path).map_err(|e| ArchiveError::io("cannot open", path, e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0; 1 << 16];
    let mut bytes = 0u64;
    loop {
        let n = file
            .read(&mut buf)
            .map_err(|e| ArchiveError::io("cannot read", path, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        if let Some((to, out)) = copy.as_mut() {
            out.write_all(&buf[..n])
                .map_err(|e| ArchiveError::io("cannot write", to, e))?;
        }
        bytes += n as u64;
    }
    if let Some((to, mut out)) = copy {
        out.flush()
            .map_err(|e| ArchiveError::io("cannot write", to, e))?;
    }
    Ok((hex(&hasher.finalize()), bytes))
}

/// A `<urn:uuid:...>` WARC-Record-ID derived from `parts` alone: a version 8
/// (RFC 9562 "custom") UUID made of the first 16 bytes of their SHA-256, so the
/// same record in the same capture always gets the same id.
pub(crate) fn record_id(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    let mut b: [u8; 16] = hasher.finalize()[..16].try_into().unwrap_or([0; 16]);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex(&b);
    format!(
        "<urn:uuid:{}-{}-{}-{}-{}>",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// Lower-case hex of `bytes`.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        // SHA-1 of the empty string is da39a3ee5e6b4b0d3255bfef95601890afd80709.
        assert_eq!(warc_sha1(b""), "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn record_ids_are_stable_uuids() {
        let a = record_id(&["response", "https://x.org/", "sha1:AAAA"]);
        assert_eq!(a, record_id(&["response", "https://x.org/", "sha1:AAAA"]));
        assert_ne!(a, record_id(&["revisit", "https://x.org/", "sha1:AAAA"]));
        assert_eq!(a.len(), "<urn:uuid:>".len() + 36);
        assert_eq!(&a[24..25], "8", "version nibble in {a}");
        assert!(
            matches!(&a[29..30], "8" | "9" | "a" | "b"),
            "variant in {a}"
        );
    }
}
