"""Forms are drawn with Django's Jinja2 form templates, and with Django's own template language
where a template exists only for it (the admin's widgets, the portal's)."""

from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.template.backends.django import Template as DjangoTemplate
from django.template.backends.jinja2 import Template as Jinja2Template


class _PlaceForm(forms.Form):
    name = forms.CharField(label="Name of the place", max_length=50, help_text="As written there")
    kind = forms.ChoiceField(choices=[("city", "City"), ("county", "County & more")])


def test_django_form_templates_are_drawn_with_jinja2_and_the_others_with_django():
    renderer = get_default_renderer()

    assert isinstance(renderer.get_template("django/forms/widgets/select.html"), Jinja2Template)
    wrapper = renderer.get_template("admin/widgets/related_widget_wrapper.html")
    assert isinstance(wrapper, DjangoTemplate)


def test_a_form_says_the_same_as_with_djangos_templates():
    form = _PlaceForm(data={"name": "", "kind": "county"})

    def words(html: str) -> list[str]:
        return html.replace("&#34;", "&quot;").replace("&#39;", "&#x27;").split()

    drawn = form.render()
    assert words(drawn) == words(form.render(renderer=DjangoTemplates()))
    assert "This field is required." in drawn
    assert '<option value="county" selected>County &amp; more</option>' in drawn
