"""Test data: factories that build valid records with as few arguments as possible."""

import datetime

import factory
from django.contrib.auth.models import Group, User
from django.utils.text import slugify

from principles.models import Principle
from signatories.models import Citation, Milestone, MilestoneCount, Signatory, Source


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ["slug"]

    title = factory.Sequence(lambda n: f"Source {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    kind = "article"
    publisher = "A publisher"
    date = datetime.date(2019, 1, 1)
    date_precision = "month"


class SignatoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signatory

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    type = "civil-society"
    country = "FR"
    kind = "association"


class StateFactory(SignatoryFactory):
    type = "state"
    kind = ""
    name = factory.LazyAttribute(lambda o: Signatory(country=o.country).country.name)


class CitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Citation

    source = factory.SubFactory(SourceFactory)
    signatory = factory.SubFactory(SignatoryFactory)
    passage = "It is a supporter."


class PrincipleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Principle
        django_get_or_create = ["number"]

    number = factory.Sequence(lambda n: n % 9 + 1)
    slug = factory.LazyAttribute(lambda o: f"principle-{o.number}")
    title = factory.LazyAttribute(lambda o: f"Principle {o.number}")
    title_fr = factory.LazyAttribute(lambda o: f"Principe {o.number}")
    text = "Official text."
    text_fr = "Texte officiel."


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    label = factory.Sequence(lambda n: f"Milestone {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.label))
    date = datetime.date(2019, 1, 1)
    source = factory.SubFactory(SourceFactory)


class MilestoneCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MilestoneCount

    milestone = factory.SubFactory(MilestoneFactory)
    type = "state"
    count = 64


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("a-long-test-password")
    is_staff = False


class EditorFactory(UserFactory):
    class Meta:
        skip_postgeneration_save = True

    is_staff = True

    @factory.post_generation
    def editors_group(self, create, extracted, **kwargs):
        if create:
            self.groups.add(Group.objects.get(name="Editors"))
