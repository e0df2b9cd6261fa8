"""The form renderer: Django's own form and widget templates in their Jinja2 version.

Django ships each of its form templates twice, for its template language and for Jinja2,
which renders them several times faster. A back-office page draws hundreds of boxes (the
meeting page some 250, each with its label and error list), and their templates took a third
of its time. Templates written only for Django's language (the admin's widgets, the portal's
own) are rendered with it as before.
"""

from django.forms.renderers import BaseRenderer, DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist
from django.utils.functional import cached_property


class JinjaFirstRenderer(BaseRenderer):
    @cached_property
    def jinja2(self) -> Jinja2:
        return Jinja2()

    @cached_property
    def django_templates(self) -> DjangoTemplates:
        return DjangoTemplates()

    def get_template(self, template_name: str):
        try:
            return self.jinja2.get_template(template_name)
        except TemplateDoesNotExist:
            return self.django_templates.get_template(template_name)
