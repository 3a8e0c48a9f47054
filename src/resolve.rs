//! Base URL, lazy images, absolute URLs.
use scraper::Html;
use url::Url;
use crate::{score::Found, Error};

pub fn base_url(_doc: &Html, page: Option<&str>) -> Result<Option<Url>, Error> {
    page.map(|p| Url::parse(p).map_err(|_| Error::InvalidUrl(p.to_string()))).transpose()
}

pub fn images_and_links(_found: &mut Found, _base: Option<&Url>) {}
