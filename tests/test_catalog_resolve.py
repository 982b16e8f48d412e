"""`csm done ITEM` finds the item a manager means: exact id, unique prefix,
or the words of its title in English or Arabic, however the Arabic is spelt."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csm_checklist.duties.catalog import Catalog, fold_text
from csm_checklist.duties.checklists import load_catalog
from csm_checklist.errors import UnknownItem


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(None)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("team-meeting", "team-meeting"),
        ("TEAM-MEETING", "team-meeting"),
        ("  policy-review ", "policy-review"),
        ("monitor", "monitor-accounts"),
        ("annual-b", "annual-budget"),
        ("Engage customers", "daily-engagement"),
        ("budget", "annual-budget"),
        ("meeting", "team-meeting"),
        ("automation", "improve-automation"),
        ("اجتماعات الفريق", "team-meeting"),
        ("مراجعة الأداء", "performance-review"),
        ("مراجعه الاداء", "performance-review"),  # ta marbuta and hamza typed plainly
        ("مُراقبة الحسابات", "monitor-accounts"),  # with a damma
        ("الميـــزانية", "annual-budget"),  # with tatweel
        ("الميزانيه", "annual-budget"),
        ("ميزانية", "annual-budget"),  # without the article
        ("البقاء مطلعا", "stay-informed"),
        ("حل المشكلات", "resolve-issues"),
        ("review performance", "performance-review"),
    ],
)
def test_resolve_finds_the_item(catalog: Catalog, query: str, expected: str) -> None:
    assert catalog.resolve(query).id == expected


def test_no_match_suggests_close_ids(catalog: Catalog) -> None:
    with pytest.raises(UnknownItem) as caught:
        catalog.resolve("team-meat")
    assert caught.value.message == "No item matches 'team-meat'."
    assert caught.value.hint is not None
    assert caught.value.hint.startswith("Did you mean team-meeting")
    assert caught.value.hint.endswith("See all items with csm list.")
    assert caught.value.exit_code == 1


def test_no_match_and_nothing_close(catalog: Catalog) -> None:
    with pytest.raises(UnknownItem) as caught:
        catalog.resolve("xyzzy")
    assert caught.value.hint == "See all items with csm list."


def test_at_most_three_suggestions(catalog: Catalog) -> None:
    with pytest.raises(UnknownItem) as caught:
        catalog.resolve("annual-x")
    hint = caught.value.hint or ""
    assert hint.count("annual-") <= 3
    assert " or " in hint


def test_an_ambiguous_prefix_lists_the_candidates(catalog: Catalog) -> None:
    with pytest.raises(UnknownItem) as caught:
        catalog.resolve("team")
    assert caught.value.message == (
        "'team' matches 3 items: team-supervision, team-meeting, team-training."
    )
    assert caught.value.hint == (
        "Type more of the id, e.g. team-supervision; see all items with csm list."
    )


def test_a_very_short_query_lists_only_a_few(catalog: Catalog) -> None:
    with pytest.raises(UnknownItem) as caught:
        catalog.resolve("ال")  # the Arabic article starts most title words
    assert " more." in caught.value.message
    assert caught.value.message.count(", ") == 4


def test_ambiguous_words(catalog: Catalog) -> None:
    with pytest.raises(UnknownItem) as caught:
        catalog.resolve("مراجعة")  # performance review and policy review
    assert "performance-review" in caught.value.message
    assert "policy-review" in caught.value.message


def test_a_disabled_item_is_not_found_unless_asked(config_dir: Path) -> None:
    folder = config_dir / "checklists"
    folder.mkdir(parents=True)
    (folder / "off.yaml").write_text(
        "items:\n  - {id: team-meeting, enabled: false}\n", encoding="utf-8"
    )
    catalog = load_catalog(folder)
    with pytest.raises(UnknownItem) as caught:
        catalog.resolve("team-meeting")
    assert caught.value.message == (
        f"The item 'team-meeting' is switched off (enabled: false in {folder / 'off.yaml'})."
    )
    assert catalog.resolve("team-meeting", include_disabled=True).id == "team-meeting"
    with pytest.raises(UnknownItem) as ambiguous:
        catalog.resolve("team")
    assert ambiguous.value.message.startswith("'team' matches 2 items:")


def test_an_empty_query(catalog: Catalog) -> None:
    with pytest.raises(UnknownItem):
        catalog.resolve("  ")


def test_fold_text() -> None:
    assert fold_text("أإآٱ") == "اااا"
    assert fold_text("مُراقَبةٌ") == "مراقبه"
    assert fold_text("علـــى") == "علي"
    assert fold_text("Team") == "team"


_DIACRITICS = st.sampled_from(["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0640", ""])


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_every_item_is_found_by_its_id_and_its_titles(data: st.DataObject) -> None:
    catalog = load_catalog(None)
    item = data.draw(st.sampled_from(list(catalog.items.values())))
    assert catalog.resolve(item.id) == item
    assert catalog.resolve(item.title.en.upper()) == item
    # Sprinkle diacritics and tatweel after letters: the same title to a reader.
    decorated = "".join(ch + data.draw(_DIACRITICS) if ch != " " else ch for ch in item.title.ar)
    assert catalog.resolve(decorated) == item
