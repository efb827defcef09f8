from tests.campaigns.factories import ConfirmedPledgeFactory, LiveCampaignPageFactory
from tests.stories.factories import StoryPageFactory


def test_public_pages_render(client, story_index, campaign_index, standard_pages):
    story = StoryPageFactory(parent=story_index)
    campaign = LiveCampaignPageFactory(parent=campaign_index)
    ConfirmedPledgeFactory(campaign=campaign)
    for url in ["/", "/stories/", story.url, "/campaigns/", campaign.url, "/about/"]:
        assert client.get(url).status_code == 200, url
