//! Requests that change or compute are taken only from the server's own page or from
//! programs, never from another site's page in the user's browser.
//!
//! A page elsewhere can make the browser POST to `http://127.0.0.1:8080/api/analyze`
//! (a `text/plain` POST needs no CORS preflight), and a name it controls can be pointed
//! at 127.0.0.1 (DNS rebinding). So a POST is refused (403) when it names a `Host` that
//! is neither an IP address nor `localhost`, or carries an `Origin` other than the
//! server itself. Programs such as curl send no `Origin` and are unaffected.

use axum::extract::Request;
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// Refuses a cross-site or rebound POST; passes everything else on.
pub async fn same_origin_posts(req: Request, next: Next) -> Response {
    if req.method() == Method::POST {
        if let Err(why) = check(req.headers()) {
            return ApiError::Forbidden(why).into_response();
        }
    }
    next.run(req).await
}

/// Why a POST with these headers is refused, if it is.
fn check(headers: &HeaderMap) -> Result<(), String> {
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    if let Some(h) = host {
        if !is_local_name(h) {
            return Err(format!(
                "POST requests must name this server by IP address or localhost, not `{h}`"
            ));
        }
    }
    let Some(origin) = headers.get(header::ORIGIN) else { return Ok(()) };
    let origin = origin.to_str().unwrap_or("");
    let authority = origin.split_once("://").map_or("", |(_, rest)| rest).trim_end_matches('/');
    match host {
        Some(h) if authority.eq_ignore_ascii_case(h) => Ok(()),
        _ => Err(format!(
            "POST requests from another site's page are refused (Origin `{origin}`): use the page this server serves, or a program that sends no Origin"
        )),
    }
}

/// `localhost` or an IP address, with or without a port.
fn is_local_name(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        // [::1]:8080
        Some(v6) => {
            return v6.split(']').next().is_some_and(|a| a.parse::<std::net::Ipv6Addr>().is_ok())
        }
        None => host.rsplit_once(':').map_or(host, |(n, port)| {
            if port.bytes().all(|b| b.is_ascii_digit()) {
                n
            } else {
                host
            }
        }),
    };
    name.eq_ignore_ascii_case("localhost") || name.parse::<std::net::IpAddr>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(host: Option<&str>, origin: Option<&str>) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Some(v) = host {
            h.insert(header::HOST, HeaderValue::from_str(v).unwrap());
        }
        if let Some(v) = origin {
            h.insert(header::ORIGIN, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn programs_and_the_own_page_may_post() {
        assert!(check(&headers(Some("127.0.0.1:8080"), None)).is_ok());
        assert!(check(&headers(Some("localhost:8080"), Some("http://localhost:8080"))).is_ok());
        assert!(check(&headers(Some("[::1]:8080"), Some("http://[::1]:8080"))).is_ok());
        assert!(check(&headers(Some("192.168.1.20:8080"), None)).is_ok());
        assert!(check(&headers(None, None)).is_ok());
    }

    #[test]
    fn other_sites_and_rebound_names_may_not() {
        assert!(check(&headers(Some("127.0.0.1:8080"), Some("https://news.example"))).is_err());
        assert!(check(&headers(Some("127.0.0.1:8080"), Some("null"))).is_err());
        // DNS rebinding: the attacker's name resolved to 127.0.0.1, same "origin".
        assert!(
            check(&headers(Some("evil.example:8080"), Some("http://evil.example:8080"))).is_err()
        );
        assert!(check(&headers(Some("127.0.0.1:8080"), Some("http://127.0.0.1:9999"))).is_err());
    }
}
