"""The demo program's groups and campaign: a team, an onboarding cohort, and a recruitment
drive with four of the calendar's posts and a graphic."""

from __future__ import annotations

from datetime import timedelta

import tomli

from advocacy_tui.data.ambassadors import RosterQuery
from advocacy_tui.data.demo_content import demo_text
from advocacy_tui.data.groups import CampaignRepo, GroupRepo
from advocacy_tui.data.store import Store
from advocacy_tui.domain.groups import Campaign


def fill_groups(store: Store, language: str | None = None) -> None:
    content = tomli.loads(demo_text("demo_groups", language))
    today = store.clock.today()
    groups = GroupRepo(store)
    campaigns = CampaignRepo(store)
    conn = store.db.conn
    with store.write():
        for entry in content["groups"]:
            if "department" in entry:
                groups.from_query(entry["name"], RosterQuery(departments=(entry["department"],)))
            else:
                group_id = groups.add(entry["name"])
                since = (today - timedelta(days=entry["joined_within_days"])).isoformat()
                conn.execute("INSERT INTO group_members (group_id, ambassador_id, added_at) "
                             "SELECT ?, id, ? FROM ambassadors WHERE joined >= ?",
                             (group_id, store.now_text(), since))
        for entry in content["campaigns"]:
            campaign_id = campaigns.add(Campaign(None, entry["name"], today + timedelta(days=entry["from_day"]),
                                                 today + timedelta(days=entry["to_day"]), entry["notes"]))
            days = [(today + timedelta(days=offset)).isoformat() for offset in entry["post_days"]]
            conn.execute(f"UPDATE posts SET campaign_id = ? WHERE planned_on IN ({', '.join('?' * len(days))})",
                         (campaign_id, *days))
            graphics = [row[0] for row in conn.execute(
                "SELECT id FROM library_items WHERE kind = 'graphic' ORDER BY id LIMIT ?", (entry["graphics"],))]
            campaigns.set_items(campaign_id, set(graphics))
