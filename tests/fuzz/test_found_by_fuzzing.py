"""What the fuzz tests found, pinned down as plain examples (each was a 500 or a silent refusal)."""

from bs4 import BeautifulSoup


def errors_next_to_fields(response):
    soup = BeautifulSoup(response.content, "html.parser")
    # The id is on the message, or on the element holding a field's messages (components/field.html).
    return {error.get("id") or error.parent["id"] for error in soup.select(".field-error .error-message")}


def test_attaching_a_result_to_a_job_id_that_is_not_a_number_is_not_found(client, world):
    client.force_login(world["owner"])
    url = f"/employer/incentives/{world['saved'].pk}/attach/"
    for bad in ("abc", "3»", "١", "\x00"):
        assert client.post(url, {"job": bad}).status_code == 404
        assert client.post(url, {"hire": bad}).status_code == 404
    assert client.post(url, {"job": str(world["job"].pk)}).status_code == 302


def test_an_empty_registration_says_what_is_missing(client, world):
    client.force_login(world["newcomer"])
    response = client.post("/employer/register/", {})
    assert response.status_code == 400
    assert {"id_name-error", "id_sector-error"} <= errors_next_to_fields(response)


def test_an_empty_organisation_edit_says_what_is_missing(client, world):
    client.force_login(world["owner"])
    response = client.post("/employer/organisation/", {})
    assert response.status_code == 400
    assert "id_name-error" in errors_next_to_fields(response)
    world["employer"].refresh_from_db()
    assert world["employer"].name


def test_an_empty_hire_says_what_is_missing(client, world):
    client.force_login(world["coordinator"])
    response = client.post(f"/partner/introductions/{world['accepted'].pk}/hire/", {})
    assert response.status_code == 400
    assert errors_next_to_fields(response)


def test_an_answer_to_an_introduction_without_accept_or_decline_is_explained(client, world):
    client.force_login(world["coordinator"])
    response = client.post(f"/partner/introductions/{world['introduction'].pk}/", {})
    assert response.status_code == 400
    summary = BeautifulSoup(response.content, "html.parser").select_one(".error-summary")
    assert "accept or decline" in summary.get_text()
    world["introduction"].refresh_from_db()
    assert world["introduction"].status == "requested"


def test_a_saved_incentive_answer_with_a_nul_character_is_kept_without_it(client, world):
    # PostgreSQL refuses NUL inside JSON: this was a server error there.
    client.force_login(world["owner"])
    response = client.post("/employer/incentives/save/", {"candidate_age": "2\x005"})
    assert response.status_code == 302
    saved = world["employer"].incentive_results.latest("saved_at")
    assert saved.answers == {"candidate_age": "25"}
