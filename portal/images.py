"""Image uploads are refused with a message, never a server error.

Wagtail checks the pixel count only after Willow has decoded the whole picture: a crafted file that
declares many pixels but carries few bytes is decompressed in memory first, and a truncated one
raises an error Wagtail does not catch (a 500). The declared size is read from the header first,
and a picture that fails to decode is reported as a broken image next to the field.
"""

from django.core.exceptions import ValidationError
from PIL import Image as PillowImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


def declared_pixels(upload):
    """Width x height from the file's header, without decoding the picture (None if unreadable)."""
    try:
        upload.seek(0)
        with PillowImage.open(upload) as header:
            width, height = header.size
    except Exception:  # anything unreadable is left to Wagtail's own checks
        return None
    finally:
        upload.seek(0)
    return width * height


class ImageUploadField(WagtailImageField):
    def check_image_pixel_size(self, f):
        pixels = declared_pixels(f)
        if self.max_image_pixels and pixels and pixels > self.max_image_pixels:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {"num_pixels": pixels, "max_pixels_count": self.max_image_pixels},
                code="file_too_many_pixels",
            )
        try:
            super().check_image_pixel_size(f)
        except (OSError, SyntaxError, ValueError) as error:
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from error


class ImageForm(BaseImageForm):
    """The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE) with the safer file field.

    The field is swapped per form, not declared on the class, so that the limits are read from
    the settings when the form is made, as Wagtail's own field does.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        original = self.fields.get("file")
        if original is not None and not isinstance(original, ImageUploadField):
            self.fields["file"] = ImageUploadField(
                label=original.label, required=original.required, widget=original.widget
            )
