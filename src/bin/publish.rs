//! The publish step, run after Trunk by `make build`: `storyline-publish [DIST]` renders
//! the pages, feed and sitemap of the site built in DIST (default `dist`). The site's
//! public address comes from STORYLINE_SITE_URL.

use std::path::PathBuf;
use std::process::ExitCode;
use storyline::publish::{publish, SiteUrl, DEFAULT_SITE_URL, SITE_URL_VARIABLE};

fn main() -> ExitCode {
    let dist = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".to_owned()));
    let site = match std::env::var(SITE_URL_VARIABLE) {
        Ok(address) if !address.trim().is_empty() => match SiteUrl::parse(&address) {
            Ok(site) => site,
            Err(why) => {
                eprintln!("publish: {SITE_URL_VARIABLE}: {why}");
                return ExitCode::FAILURE;
            }
        },
        _ => {
            println!(
                "publish: {SITE_URL_VARIABLE} is not set, so canonical links, link previews, the feed and the sitemap name {DEFAULT_SITE_URL}"
            );
            SiteUrl::parse(DEFAULT_SITE_URL).expect("the default address is an origin")
        }
    };
    match publish(&dist, &site) {
        Ok(report) => {
            for warning in &report.warnings {
                eprintln!("publish: warning: {warning}");
            }
            if let Some(why) = &report.without_signup {
                println!("publish: the pages have no newsletter signup: {why}");
            }
            match &report.note {
                Some(note) => println!("publish: {note}"),
                None => println!(
                    "publish: {} story pages, the home page, feed.xml, sitemap.xml and robots.txt in {}, for {site}",
                    report.pages.len(),
                    dist.display()
                ),
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("publish: {error}");
            ExitCode::FAILURE
        }
    }
}
