from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_css")
def right_to_left_admin_css():
    # Wagtail mirrors its own screens in Arabic; this stylesheet mirrors the arrows of ours.
    return format_html('<link rel="stylesheet" href="{}">', static("portal/css/admin.css"))
