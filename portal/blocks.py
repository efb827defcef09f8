"""StreamField blocks shared by stories, campaigns and standard pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["h2", "h3", "bold", "italic", "link", "ol", "ul"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"
        description = _("Text with headings, lists and links.")
        preview_value = "<p>Work gave me a reason to get up in the morning.</p>"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=600)
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"
        description = _("A pull quote, in the person's own words.")
        preview_value = {"quote": "Someone gave me a chance.", "attribution": "Sam"}


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/captioned_image.html"
        description = _("An image with its alternative text and an optional caption.")


class VideoLinkBlock(blocks.StructBlock):
    """A link to a video hosted elsewhere: nothing is embedded, so no third-party script loads."""

    url = blocks.URLBlock()
    title = blocks.CharBlock(max_length=200)
    duration = blocks.CharBlock(required=False, max_length=20, help_text=_("For example 3:45"))
    transcript_url = blocks.URLBlock(required=False)

    class Meta:
        icon = "media"
        template = "blocks/video_link.html"
        description = _("A link to a video, with its length and a transcript.")
        preview_value = {"url": "https://example.org/video", "title": "Alex's story", "duration": "3:10"}


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False, max_length=400)
    button_label = blocks.CharBlock(max_length=60)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page or enter a link, not both and not neither.")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action.html"
        description = _("A heading, a sentence and one button.")
        preview_value = {
            "heading": "Back a second chance",
            "text": "Add your name to the pledge.",
            "button_label": "Pledge your support",
            "url": "https://example.org/",
        }


class SurveyWaveBlock(blocks.StructBlock):
    """A survey wave's invitation; the wave is named by string so the portal imports no survey."""

    wave = SnippetChooserBlock("surveys.SurveyWave")
    heading = blocks.CharBlock(
        required=False, max_length=120, help_text=_("Leave empty to use the survey's title.")
    )
    text = blocks.TextBlock(required=False, max_length=400)

    class Meta:
        icon = "list-ul"
        template = "blocks/survey_wave.html"
        description = _("An invitation to answer a wave of an attitude survey.")


class BodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    video_link = VideoLinkBlock()
    call_to_action = CallToActionBlock()
