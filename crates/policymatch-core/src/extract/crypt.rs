//! Encrypted files that open with the empty user password.
//!
//! Every file with an `/Encrypt` key is opened here first, and lopdf's own loader is the
//! fallback. lopdf decrypts an empty-password file while loading it, all or nothing: when the
//! empty password does not authenticate against the encryption dictionary as written, it
//! keeps only that dictionary and drops every other object, and one string or stream that
//! fails to decrypt fails the whole file. Damaged files get both wrong, so [`open`] loads the
//! file with its `/Encrypt` trailer entry hidden (objects come in as ciphertext, object
//! streams still packed), repairs the encryption dictionary, authenticates the empty
//! password and decrypts object by object, leaving an object that does not decrypt as it is.
//! Object streams are then unpacked through [`super::decode`], within the document's decode
//! budget (lopdf would inflate them whole).
//!
//! Repairs of the encryption dictionary, each a damage poppler or qpdf tolerate:
//!
//! - a missing or wrong `/Length` (RC4 key length, 40 to 128 bits): every legal length is
//!   tried until the empty password authenticates;
//! - a `/U` entry shorter than 32 bytes (revisions 2–4): padded, as only its first 16 bytes
//!   are compared from revision 3 on;
//! - an unknown crypt filter method whose name starts with `AES`: AES-128 (`/V 4`) or
//!   AES-256 (`/V 5`);
//! - `/StmF` or `/StrF` absent (`/V` 4 or 5): identity, as the standard says (lopdf takes
//!   RC4; see [`guessed_filter`]);
//! - a file without `/ID`: an empty identifier.
//!
//! A file that needs a real password stays [`super::ExtractError::Encrypted`].

use super::decode::{Budget, DecodeError, decode_stream};
use lopdf::{Dictionary, Document, Object, ObjectId};

/// What the trailer's `/Encrypt` key is renamed to while loading (same length, so every
/// byte offset stays valid).
const HIDDEN_KEY: &[u8] = b"/Xncrypt";
/// The type given to object streams while loading, so lopdf leaves them packed.
const PACKED_TYPE: &[u8] = b"PackedObjStm";

/// A copy of `bytes` with each `/Encrypt` dictionary key renamed to [`HIDDEN_KEY`], or
/// `None` when there is none. `/EncryptMetadata` and other longer names are left alone.
fn hide_encrypt(bytes: &[u8]) -> Option<Vec<u8>> {
    const KEY: &[u8] = b"/Encrypt";
    let mut out = bytes.to_vec();
    let mut found = false;
    let mut i = 0;
    while i + KEY.len() < out.len() {
        if &out[i..i + KEY.len()] == KEY
            && matches!(
                out[i + KEY.len()],
                b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0' | b'<'
            )
        {
            out[i..i + KEY.len()].copy_from_slice(HIDDEN_KEY);
            found = true;
            i += KEY.len();
        } else {
            i += 1;
        }
    }
    found.then_some(out)
}

/// Load filter: object streams keep their (encrypted) data and get [`PACKED_TYPE`], so that
/// lopdf neither inflates ciphertext nor drops them.
fn keep_object_streams_packed(id: ObjectId, obj: &mut Object) -> Option<(ObjectId, Object)> {
    if let Object::Stream(stream) = obj {
        if stream.dict.has_type(b"ObjStm") {
            stream.dict.set("Type", Object::Name(PACKED_TYPE.to_vec()));
        }
        // As in `decode::unpack_object_streams`: the returned value is only used for objects
        // from object streams, which are never streams.
        return Some((id, Object::Null));
    }
    Some((id, obj.clone()))
}

/// True when the file has an `/Encrypt` key (a cheap test before [`open`]).
pub(crate) fn has_encrypt_key(bytes: &[u8]) -> bool {
    bytes.windows(8).any(|w| w == b"/Encrypt")
}

/// Opens an encrypted file with the empty user password, decrypted and with its object
/// streams unpacked within `budget`; `None` when it does not load or needs a password.
pub(crate) fn open(bytes: &[u8], budget: &Budget) -> Option<Document> {
    let mut doc = load_undecrypted(bytes)?;
    decrypt(&mut doc, budget).then_some(doc)
}

/// The document with every object as stored (ciphertext, object streams packed) and the
/// `/Encrypt` trailer entry restored; `None` when the file has none or does not load.
fn load_undecrypted(bytes: &[u8]) -> Option<Document> {
    let hidden = hide_encrypt(bytes)?;
    let options = lopdf::LoadOptions {
        filter: Some(keep_object_streams_packed),
        ..Default::default()
    };
    let mut doc = Document::load_mem_with_options(&hidden, options).ok()?;
    let encrypt = doc.trailer.remove(&HIDDEN_KEY[1..])?;
    doc.trailer.set("Encrypt", encrypt);
    Some(doc)
}

/// True when lopdf decrypted a file with a crypt filter it guessed: `/StmF` or `/StrF` (`/V`
/// 4 or 5) absent, or naming a filter it does not know (an unknown `/CFM`), where lopdf falls
/// back to RC4 and turns the file into noise. Such a file is opened again with [`open`].
pub(crate) fn guessed_filter(state: &lopdf::EncryptionState) -> bool {
    let known = |name: &[u8]| state.crypt_filters().contains_key(name);
    state.version() >= 4
        && !(known(state.default_stream_filter()) && known(state.default_string_filter()))
}

/// The encryption dictionary, wherever the trailer keeps it.
fn encrypt_dict_mut(doc: &mut Document) -> Option<&mut Dictionary> {
    match doc.trailer.get(b"Encrypt").ok()? {
        Object::Reference(id) => {
            let id = *id;
            doc.get_object_mut(id).ok()?.as_dict_mut().ok()
        }
        Object::Dictionary(_) => doc.trailer.get_mut(b"Encrypt").ok()?.as_dict_mut().ok(),
        _ => None,
    }
}

/// Repairs the encryption dictionary (see the module documentation) until the empty
/// password authenticates; false when it does not.
fn authenticate(doc: &mut Document) -> bool {
    if doc.trailer.get(b"ID").is_err() {
        let empty = || Object::String(Vec::new(), lopdf::StringFormat::Hexadecimal);
        doc.trailer.set("ID", Object::Array(vec![empty(), empty()]));
    }
    let Some(dict) = encrypt_dict_mut(doc) else {
        return false;
    };
    let int = |d: &Dictionary, k: &[u8]| d.get(k).and_then(Object::as_i64).ok();
    let version = int(dict, b"V").unwrap_or(0);
    let revision = int(dict, b"R").unwrap_or(0);
    if (2..=4).contains(&revision)
        && let Ok(Object::String(u, _)) = dict.get_mut(b"U")
        && u.len() < 32
    {
        u.resize(32, 0);
    }
    if version >= 4 {
        // Absent /StmF or /StrF mean no encryption; lopdf would take RC4, so they are made
        // explicit, with an identity crypt filter of that name (lopdf knows no built-in one).
        for key in [b"StmF".as_slice(), b"StrF"] {
            if dict.get(key).and_then(Object::as_name).is_err() {
                dict.set(key, Object::Name(b"Identity".to_vec()));
            }
        }
        if dict.get(b"CF").and_then(Object::as_dict).is_err() {
            dict.set("CF", Object::Dictionary(Dictionary::new()));
        }
        if let Ok(Object::Dictionary(filters)) = dict.get_mut(b"CF")
            && !filters.has(b"Identity")
        {
            filters.set("Identity", Object::Dictionary(Dictionary::new()));
        }
    }
    if let Ok(Object::Dictionary(filters)) = dict.get_mut(b"CF") {
        for (_, filter) in filters.iter_mut() {
            if let Object::Dictionary(f) = filter
                && let Ok(method) = f.get(b"CFM").and_then(Object::as_name)
                && !matches!(method, b"None" | b"V2" | b"AESV2" | b"AESV3" | b"Identity")
                && method.starts_with(b"AES")
            {
                let known: &[u8] = if version >= 5 { b"AESV3" } else { b"AESV2" };
                f.set("CFM", Object::Name(known.to_vec()));
            }
        }
    }
    if doc.authenticate_raw_password(b"").is_ok() {
        return true;
    }
    if !(3..=4).contains(&revision) {
        return false;
    }
    for bits in std::iter::once(128).chain((40..128).step_by(8)) {
        if let Some(dict) = encrypt_dict_mut(doc) {
            dict.set("Length", Object::Integer(bits));
        }
        if doc.authenticate_raw_password(b"").is_ok() {
            return true;
        }
    }
    false
}

/// Decrypts every object with the empty password (an object that fails stays as it is),
/// then unpacks the object streams within `budget`. False when the password does not
/// authenticate.
fn decrypt(doc: &mut Document, budget: &Budget) -> bool {
    if !authenticate(doc) {
        return false;
    }
    let Ok(state) = lopdf::EncryptionState::decode(&*doc, b"") else {
        return false;
    };
    let encrypt_id = doc
        .trailer
        .get(b"Encrypt")
        .and_then(Object::as_reference)
        .ok();
    for (id, obj) in doc.objects.iter_mut() {
        if Some(*id) != encrypt_id {
            // A damaged string or stream (bad AES padding, short data) keeps its bytes.
            let _ = lopdf::encryption::decrypt_object(&state, *id, obj);
        }
    }
    let mut unpacked = Vec::new();
    for (container, obj) in doc.objects.iter_mut() {
        let Object::Stream(stream) = obj else {
            continue;
        };
        if !stream.dict.has_type(PACKED_TYPE) {
            continue;
        }
        stream.dict.set("Type", Object::Name(b"ObjStm".to_vec()));
        let data = match decode_stream(None, stream, budget) {
            Ok(data) => data,
            Err(e @ DecodeError::TooLarge { .. }) => e.into_partial().unwrap_or_default(),
            Err(_) => continue,
        };
        stream.dict.remove(b"Filter");
        stream.dict.remove(b"DecodeParms");
        stream.set_content(data);
        if let Ok(packed) = lopdf::ObjectStream::new(stream) {
            unpacked.extend(packed.objects.into_iter().map(|o| (container.0, o)));
        }
    }
    for (container, (id, obj)) in unpacked {
        // The cross-reference table says which copy of an object is current; an object it
        // does not place in this stream only fills a gap.
        let current = matches!(
            doc.reference_table.get(id.0),
            Some(lopdf::xref::XrefEntry::Compressed { container: c, .. }) if *c == container
        );
        if current {
            doc.objects.insert(id, obj);
        } else {
            doc.objects.entry(id).or_insert(obj);
        }
    }
    doc.trailer.remove(b"Encrypt");
    if let Some(id) = encrypt_id {
        doc.objects.remove(&id);
    }
    doc.encryption_state = Some(state);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;
    use lopdf::encryption::crypt_filters::{Aes128CryptFilter, CryptFilter};
    use std::collections::BTreeMap;
    use std::sync::Arc;

    /// A one-page document with "Hej med dig" in its content stream, saved encrypted
    /// with the empty user password; with `packed_page` the page dictionary is in an object
    /// stream.
    fn encrypted(aes: bool, packed_page: bool) -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let font_id = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        let content = lopdf::Stream::new(
            Dictionary::new(),
            b"BT /F1 12 Tf 10 100 Td (Hej med dig) Tj ET".to_vec(),
        );
        let content_id = doc.add_object(content);
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
            "MediaBox" => vec![0.into(), 0.into(), 300.into(), 300.into()],
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font_id } },
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
            }),
        );
        let catalog_id = doc.add_object(dictionary! {
            "Type" => "Catalog", "Pages" => pages_id,
        });
        doc.trailer.set("Root", catalog_id);
        if packed_page {
            doc.objects.remove(&page_id);
            let head = format!("{} 0 ", page_id.0);
            let body = format!(
                "{head}<< /Type /Page /Parent {} 0 R /Contents {} 0 R /MediaBox [0 0 300 300] \
                 /Resources << /Font << /F1 {} 0 R >> >> >>",
                pages_id.0, content_id.0, font_id.0
            );
            // lopdf's writer drops object streams it did not make itself; the type is
            // renamed back after saving.
            doc.add_object(lopdf::Stream::new(
                dictionary! { "Type" => "ObjStX", "N" => 1, "First" => head.len() as i64 },
                body.into_bytes(),
            ));
        }
        doc.trailer.set(
            "ID",
            Object::Array(vec![
                Object::string_literal(b"0123456789abcdef".to_vec()),
                Object::string_literal(b"0123456789abcdef".to_vec()),
            ]),
        );
        doc.compress();
        let version = if aes {
            let filter: Arc<dyn CryptFilter> = Arc::new(Aes128CryptFilter);
            lopdf::EncryptionVersion::V4 {
                document: &doc,
                encrypt_metadata: true,
                crypt_filters: BTreeMap::from([(b"StdCF".to_vec(), filter)]),
                stream_filter: b"StdCF".to_vec(),
                string_filter: b"StdCF".to_vec(),
                owner_password: "owner",
                user_password: "",
                permissions: lopdf::Permissions::all(),
            }
        } else {
            lopdf::EncryptionVersion::V2 {
                document: &doc,
                owner_password: "owner",
                user_password: "",
                key_length: 128,
                permissions: lopdf::Permissions::all(),
            }
        };
        let state = lopdf::EncryptionState::try_from(version).expect("valid parameters");
        doc.encrypt(&state).expect("encrypts");
        let mut out = Vec::new();
        doc.save_to(&mut out).expect("in-memory write");
        if let Some(at) = out.windows(7).position(|w| w == b"/ObjStX") {
            out[at + 6] = b'm';
        }
        out
    }

    fn rc4_128() -> Vec<u8> {
        encrypted(false, false)
    }

    fn text_of(bytes: &[u8]) -> String {
        super::super::extract_pdf(bytes)
            .map(|pages| pages.iter().map(|p| p.text.clone()).collect())
            .unwrap_or_else(|e| format!("error: {e}"))
    }

    #[test]
    fn intact_empty_password_file_reads() {
        assert!(text_of(&rc4_128()).contains("Hej med dig"));
    }

    #[test]
    fn encrypted_object_stream_is_unpacked() {
        let bytes = encrypted(false, true);
        // The page is only in the object stream.
        assert!(
            !bytes
                .windows(11)
                .any(|w| w.starts_with(b"/Type/Page") && w[10] != b's')
        );
        assert!(
            text_of(&bytes).contains("Hej med dig"),
            "{}",
            text_of(&bytes)
        );
    }

    #[test]
    fn missing_key_length_is_found() {
        let bytes = rc4_128();
        // lopdf wrote "/Length 128"; a damaged dictionary without it means 40 bits.
        let at = bytes
            .windows(11)
            .position(|w| w == b"/Length 128")
            .expect("length key");
        let mut damaged = bytes.clone();
        damaged[at + 1] = b'W';
        assert!(lopdf::Document::load_mem(&damaged).is_ok_and(|d| d.is_encrypted()));
        assert!(
            text_of(&damaged).contains("Hej med dig"),
            "{}",
            text_of(&damaged)
        );
    }

    #[test]
    fn hidden_key_keeps_offsets_and_longer_names() {
        let data = b"<< /Encrypt 7 0 R /EncryptMetadata false >> /Encrypt<<>>";
        let hidden = hide_encrypt(data).expect("found");
        assert_eq!(hidden.len(), data.len());
        assert_eq!(
            hidden.as_slice(),
            b"<< /Xncrypt 7 0 R /EncryptMetadata false >> /Xncrypt<<>>".as_slice()
        );
        assert_eq!(hide_encrypt(b"<< /Root 1 0 R >>"), None);
    }

    #[test]
    fn short_u_entry_is_padded() {
        let mut doc = load_undecrypted(&rc4_128()).expect("loads");
        assert!(doc.is_encrypted());
        let dict = encrypt_dict_mut(&mut doc).expect("encryption dictionary");
        let Ok(Object::String(u, _)) = dict.get_mut(b"U") else {
            panic!("no /U")
        };
        u.truncate(16);
        assert!(doc.authenticate_raw_password(b"").is_err());
        assert!(decrypt(&mut doc, &Budget::default()));
        assert!(!doc.is_encrypted());
        let pages = doc.get_pages();
        let page = pages.values().next().expect("one page");
        let content = doc.get_page_content(*page).expect("content");
        assert!(String::from_utf8_lossy(&content).contains("Hej med dig"));
    }

    #[test]
    fn unknown_aes_method_is_taken_for_aes() {
        let bytes = encrypted(true, false);
        assert!(text_of(&bytes).contains("Hej med dig"));
        let at = bytes
            .windows(5)
            .position(|w| w == b"AESV2")
            .expect("crypt filter method");
        let mut damaged = bytes.clone();
        damaged[at + 4] = b'1';
        // lopdf decrypts it with RC4 instead, into noise.
        let guessed = lopdf::Document::load_mem(&damaged).expect("loads");
        assert!(
            guessed
                .encryption_state
                .as_ref()
                .is_some_and(guessed_filter)
        );
        assert!(
            text_of(&damaged).contains("Hej med dig"),
            "{}",
            text_of(&damaged)
        );
    }
}
