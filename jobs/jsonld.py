"""schema.org JobPosting for a job page, as JSON-LD (what search engines read for job listings)."""

import datetime
import json
from decimal import Decimal

import pycountry
from django.conf import settings
from django.utils import timezone
from django.utils.safestring import mark_safe

from jobs.models import PayPeriod, RemoteOption
from portal.addresses import absolute_url
from taxonomy.classifications import EmploymentType

EMPLOYMENT_TYPES = {
    EmploymentType.FULL_TIME: "FULL_TIME",
    EmploymentType.PART_TIME: "PART_TIME",
    EmploymentType.TEMPORARY: "TEMPORARY",
    EmploymentType.APPRENTICESHIP: "OTHER",  # an apprentice is employed, not an intern
    EmploymentType.WORK_PLACEMENT: "INTERN",
}
PAY_UNITS = {
    PayPeriod.HOUR: "HOUR",
    PayPeriod.WEEK: "WEEK",
    PayPeriod.MONTH: "MONTH",
    PayPeriod.YEAR: "YEAR",
}


def _number(value):
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _country_name(code):
    country = pycountry.countries.get(alpha_2=code)
    return country.name if country else code


def _end_of_day(day):
    return datetime.datetime.combine(day, datetime.time(23, 59, 59), tzinfo=timezone.get_current_timezone())


def _organisation(employer):
    organisation = {"@type": "Organization", "name": employer.name}
    if employer.website:
        organisation["sameAs"] = employer.website
    return organisation


def _salary(job):
    value = {"@type": "QuantitativeValue", "unitText": PAY_UNITS.get(job.pay_period, "HOUR")}
    if job.pay_min is not None and job.pay_max is not None and job.pay_min != job.pay_max:
        value["minValue"], value["maxValue"] = _number(job.pay_min), _number(job.pay_max)
    else:
        value["value"] = _number(job.pay_min if job.pay_min is not None else job.pay_max)
    return {"@type": "MonetaryAmount", "currency": job.pay_currency, "value": value}


def job_posting(job):
    """The JobPosting of a published listing, as a dict."""
    country = settings.PORTAL_COUNTRY
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": job.title,
        "description": str(job.description_html),
        "url": absolute_url(job.get_absolute_url()),
        "identifier": {"@type": "PropertyValue", "name": "Second Chance Portal", "value": str(job.pk)},
        "datePosted": timezone.localtime(job.published_at).isoformat() if job.published_at else None,
        "employmentType": EMPLOYMENT_TYPES.get(job.employment_type, "OTHER"),
        "hiringOrganization": _organisation(job.employer),
        "industry": job.get_sector_display(),
        "inLanguage": job.language_tag,
        # Nobody can apply on the job page itself yet: applications through the portal come later.
        "directApply": False,
    }
    if posting["datePosted"] is None:
        del posting["datePosted"]
    if job.closing_date:
        posting["validThrough"] = _end_of_day(job.closing_date).isoformat()
    if job.remote == RemoteOption.REMOTE:
        posting["jobLocationType"] = "TELECOMMUTE"
        posting["applicantLocationRequirements"] = {"@type": "Country", "name": _country_name(country)}
    else:
        address = {"@type": "PostalAddress", "addressRegion": job.region_name, "addressCountry": country}
        if job.place:
            address["addressLocality"] = job.place
        posting["jobLocation"] = {"@type": "Place", "address": address}
    if job.pay_min is not None or job.pay_max is not None:
        posting["baseSalary"] = _salary(job)
    if job.hours_per_week is not None:
        posting["workHours"] = f"{_number(job.hours_per_week)} hours per week"
    if job.start_date:
        posting["jobStartDate"] = job.start_date.isoformat()
    if job.openings:
        posting["totalJobOpenings"] = job.openings
    if job.occupation_id and job.occupation:
        posting["occupationalCategory"] = job.occupation.code
    return posting


def dumps_for_script(data):
    """JSON safe inside <script>: no "<", ">" or "&" that could end or confuse the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # Safe to mark: JSON whose <, >, & and line separators were escaped just above.
    return mark_safe(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))  # nosec B308 B703


def job_posting_json(job):
    return dumps_for_script(job_posting(job))
