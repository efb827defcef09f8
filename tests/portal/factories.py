import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from wagtail.rich_text import RichText

from portal.models import StandardPage


class UserFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = "Alex"
    last_name = factory.Sequence(lambda n: f"Tester{n}")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)


class ImageFactory(wagtail_factories.ImageFactory):
    """Large enough for every rendition the templates ask for (up to 1440 wide, 1200x630 cards), so
    srcset lists distinct widths as in real use (the Nu checker rejects repeated widths)."""

    title = factory.Sequence(lambda n: f"Picture {n}")
    file = factory.django.ImageField(width=1600, height=1040, color="green")


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    introduction = "An introduction."
    body = factory.LazyFunction(lambda: [("paragraph", RichText("<p>Some words.</p>"))])

    class Meta:
        model = StandardPage
