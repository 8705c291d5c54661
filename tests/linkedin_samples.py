"""Small LinkedIn analytics exports built with openpyxl from the documented layouts
(see the top of src/advocacy_tui/data/analytics.py for the sources)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

MEMBER_HEADERS = ["Post URL", "Post publish date", "Engagements", None,
                  "Post URL", "Post publish date", "Impressions"]

COMPANY_HEADERS = ["Post title", "Post link", "Post type", "Campaign name", "Posted by", "Created date",
                   "Campaign start date", "Campaign end date", "Audience", "Impressions", "Views",
                   "Offsite Views", "Clicks", "Click through rate (CTR)", "Likes", "Comments", "Reposts",
                   "Follows", "Engagement rate", "Content Type"]

ACTIVITY = "https://www.linkedin.com/feed/update/urn:li:activity:{}"


def member_export(path: Path, engagements: list[tuple], impressions: list[tuple] | None = None, *,
                  sheet: str = "TOP POSTS", headers: list | None = None, title_rows: bool = True) -> Path:
    """A member's creator-analytics export: DISCOVERY, ENGAGEMENT, TOP POSTS (a note row, an
    empty row, then two tables side by side: by engagements and by impressions), FOLLOWERS,
    DEMOGRAPHICS. ``engagements`` and ``impressions`` are (url, date, figure) rows."""
    book = openpyxl.Workbook()
    discovery = book.active
    discovery.title = "DISCOVERY"
    discovery.append(["Overall Performance", "11/1/2025 - 11/30/2025"])
    discovery.append(["Impressions", 2345])
    discovery.append(["Members reached", 1200])
    book.create_sheet("ENGAGEMENT").append(["Date", "Impressions", "Engagements"])
    top = book.create_sheet(sheet)
    if title_rows:
        top.append(["Maximum of 50 posts available to include in this list"])
        top.append([])
    top.append(headers or MEMBER_HEADERS)
    right = impressions if impressions is not None else []
    for index in range(max(len(engagements), len(right))):
        left_cells = list(engagements[index]) if index < len(engagements) else [None, None, None]
        right_cells = list(right[index]) if index < len(right) else [None, None, None]
        top.append([*left_cells, None, *right_cells])
    book.create_sheet("FOLLOWERS").append(["Total followers on 11/30/2025:", 812])
    book.create_sheet("DEMOGRAPHICS").append(["Top Demographics", "Value", "Percentage"])
    book.save(path)
    return path


def company_row(url: str, created: object, *, impressions: object = 100, clicks: object = 5,
                likes: object = 7, comments: object = 1, reposts: object = 0, kind: str = "Organic",
                title: str = "A post") -> dict:
    return {"Post title": title, "Post link": url, "Post type": kind, "Created date": created,
            "Audience": "All followers", "Impressions": impressions, "Clicks": clicks, "Likes": likes,
            "Comments": comments, "Reposts": reposts, "Click through rate (CTR)": 0.05,
            "Engagement rate": 0.08}


def company_export(path: Path, rows: list[dict], *, headers: list[str] | None = None,
                   rename: dict[str, str] | None = None, sheet: str = "All posts") -> Path:
    """A company page's content export: a "Metrics" sheet, then "All posts" with a title
    row and the headers in row 2. ``rename`` maps an English header to another spelling."""
    headers = headers or COMPANY_HEADERS
    rename = rename or {}
    book = openpyxl.Workbook()
    metrics = book.active
    metrics.title = "Metrics"
    metrics.append(["Aggregated engagement metrics "])
    metrics.append(["Date", "Impressions (organic)", "Clicks (organic)", "Reactions (organic)"])
    metrics.append(["12/01/2025", 93, 5, 1])
    posts = book.create_sheet(sheet)
    posts.append(["Engagement metrics for individual posts. Learn more"])
    posts.append([rename.get(header, header) for header in headers])
    for row in rows:
        posts.append([row.get(header, "") for header in headers])
    book.save(path)
    return path
