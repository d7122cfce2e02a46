//! Placeholder until the .docx reader lands.

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct DocxError(pub String);

pub struct DocxText {
    pub text: String,
    pub notes: Vec<String>,
}

pub fn extract(_bytes: &[u8]) -> Result<DocxText, DocxError> {
    Err(DocxError("reading .docx is not built yet".into()))
}
