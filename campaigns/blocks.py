"""Blocks a campaign page is built from; text, quote and call to action come from portal.blocks."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from portal.blocks import CallToActionBlock, ParagraphBlock, QuoteBlock, SurveyWaveBlock
from stories.listings import story_cards


class HeroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False, max_length=400)
    image = ImageChooserBlock(required=False)
    image_alt_text = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/hero.html"
        description = _("A large heading with a sentence and a picture.")
        preview_value = {"heading": "Everyone deserves a second chance", "text": "Back the campaign."}


class FigureBlock(blocks.StructBlock):
    # xgettext:no-python-format  (a percentage, not a placeholder)
    value = blocks.CharBlock(max_length=20, help_text=_("For example 72% or 1 in 3"))
    label = blocks.CharBlock(max_length=160)
    source = blocks.URLBlock(required=False)


class FiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    figures = blocks.ListBlock(FigureBlock(), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        template = "blocks/figures.html"
        description = _("Up to six headline figures, each with its source.")
        preview_value = {
            "heading": "Why it matters",
            "figures": [{"value": "1 in 2", "label": "reoffend within a year without work"}],
        }


class StoryListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default=_("Stories"))
    stories = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="stories.StoryPage"),
        required=False,
        help_text=_("Choose stories, or leave empty and pick a theme."),
    )
    theme = SnippetChooserBlock("stories.Theme", required=False)
    limit = blocks.IntegerBlock(default=3, min_value=1, max_value=12)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        chosen = [page.pk for page in value["stories"] if page]
        context["story_cards"] = story_cards(ids=chosen or None, theme=value["theme"], limit=value["limit"])
        return context

    class Meta:
        icon = "list-ul"
        template = "blocks/story_list.html"
        description = _("Story cards, chosen one by one or the latest of a theme.")


class PledgeFormBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default=_("Pledge your support"))
    text = blocks.TextBlock(required=False, max_length=400)

    class Meta:
        icon = "form"
        template = "blocks/pledge_form.html"
        description = _("The public pledge-of-support form and the live counter.")
        preview_value = {"heading": "Pledge your support"}


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=200)
    answer = ParagraphBlock()


class FAQBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default=_("Questions and answers"))
    questions = blocks.ListBlock(QuestionBlock(), min_num=1)

    class Meta:
        icon = "help"
        template = "blocks/faq.html"
        description = _("Questions that open to show their answers.")


class CampaignBodyBlock(blocks.StreamBlock):
    hero = HeroBlock()
    rich_text = ParagraphBlock()
    quote = QuoteBlock()
    figures = FiguresBlock()
    story_list = StoryListBlock()
    call_to_action = CallToActionBlock()
    pledge_form = PledgeFormBlock()
    faq = FAQBlock()
    survey = SurveyWaveBlock()
