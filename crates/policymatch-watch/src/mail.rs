//! Sending the digest: one message per profile, multipart text (the Markdown digest) and
//! HTML, through SMTP with `lettre` (TLS by rustls).
//!
//! A message carries the keys of its items in the header `X-Policymatch-Items`, and its
//! Message-ID is made from them, so that a message sent again after a run was killed between
//! the server's acceptance and the state's update is the same message to the receiving side.

use crate::config::{MailConfig, Tls};
use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{Message, SmtpTransport, Transport};
use std::time::Duration;

/// Environment variable that holds the SMTP password.
pub const PASSWORD_ENV: &str = "POLICYMATCH_SMTP_PASSWORD";

/// Time allowed for each SMTP command.
const TIMEOUT: Duration = Duration::from_secs(30);

/// Why a message could not be made or sent (one line; the English text is its `Display`,
/// the CLI says it in the reader's language). `detail` is the mail library's own text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MailError {
    /// An address in the configuration is not a mailbox.
    #[error("{address:?} is not an e-mail address ({detail})")]
    Address {
        /// The address as written.
        address: String,
        /// Why not.
        detail: String,
    },
    /// The message could not be built.
    #[error("building the message: {detail}")]
    Build {
        /// Why not.
        detail: String,
    },
    /// The SMTP server's name or TLS setup was refused before connecting.
    #[error("SMTP server {at}: {detail}")]
    Server {
        /// host:port.
        at: String,
        /// Why.
        detail: String,
    },
    /// The configuration names a user but no password was given.
    #[error("the SMTP user {user:?} needs a password in ${}", PASSWORD_ENV)]
    NoPassword {
        /// The user.
        user: String,
    },
    /// Sending failed (connection, login or the server's refusal).
    #[error("sending the digest through {at}: {detail}")]
    Send {
        /// host:port.
        at: String,
        /// Why.
        detail: String,
    },
}

/// Checks that `address` is a mailbox (`Name <a@b>` or `a@b`).
pub fn check_address(address: &str) -> Result<(), String> {
    address
        .parse::<Mailbox>()
        .map(|_| ())
        .map_err(|e| format!("{address:?} is not an e-mail address ({e})"))
}

/// The header that lists a message's item keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemsHeader(pub String);

impl Header for ItemsHeader {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("X-Policymatch-Items")
    }

    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ItemsHeader(s.to_string()))
    }

    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// One digest to send.
#[derive(Debug, Clone)]
pub struct Outgoing<'a> {
    /// Subject line.
    pub subject: String,
    /// The text part.
    pub text: String,
    /// The HTML part.
    pub html: String,
    /// Keys of the items it reports.
    pub keys: Vec<&'a str>,
}

fn one_line(e: impl std::fmt::Display) -> String {
    e.to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Builds the message for `out`.
pub fn message(cfg: &MailConfig, out: &Outgoing<'_>) -> Result<Message, MailError> {
    let mailbox = |a: &str| {
        a.parse::<Mailbox>().map_err(|e| MailError::Address {
            address: a.to_string(),
            detail: one_line(e),
        })
    };
    let mut b = Message::builder()
        .from(mailbox(&cfg.from)?)
        .subject(out.subject.clone());
    for to in &cfg.to {
        b = b.to(mailbox(to)?);
    }
    let id = crate::item::key(&out.keys);
    let domain = cfg
        .from
        .rsplit('@')
        .next()
        .unwrap_or("policymatch")
        .trim_end_matches('>');
    b.message_id(Some(format!("<{id}@{domain}>")))
        .header(ItemsHeader(out.keys.join(" ")))
        .multipart(MultiPart::alternative_plain_html(
            out.text.clone(),
            out.html.clone(),
        ))
        .map_err(|e| MailError::Build {
            detail: one_line(e),
        })
}

/// An SMTP connection as configured; `password` is the login password for `cfg.user`.
pub fn transport(cfg: &MailConfig, password: Option<&str>) -> Result<SmtpTransport, MailError> {
    let at = format!("{}:{}", cfg.host, cfg.port);
    let builder = match cfg.tls {
        Tls::None => SmtpTransport::builder_dangerous(cfg.host.as_str()),
        Tls::Starttls => {
            SmtpTransport::starttls_relay(&cfg.host).map_err(|e| MailError::Server {
                at: at.clone(),
                detail: one_line(e),
            })?
        }
        Tls::Tls => SmtpTransport::relay(&cfg.host).map_err(|e| MailError::Server {
            at: at.clone(),
            detail: one_line(e),
        })?,
    };
    let mut builder = builder.port(cfg.port).timeout(Some(TIMEOUT));
    if let Some(user) = &cfg.user {
        let Some(password) = password else {
            return Err(MailError::NoPassword { user: user.clone() });
        };
        builder = builder.credentials(Credentials::new(user.clone(), password.to_string()));
    }
    Ok(builder.build())
}

/// Sends `message` through `transport`.
pub fn send(
    cfg: &MailConfig,
    transport: &SmtpTransport,
    message: &Message,
) -> Result<(), MailError> {
    transport
        .send(message)
        .map(|_| ())
        .map_err(|e| MailError::Send {
            at: format!("{}:{}", cfg.host, cfg.port),
            detail: one_line(e),
        })
}
