"""What a crawler reads: robots.txt → the sitemap index → every page of every section."""

from urllib.parse import urlsplit
from xml.etree import ElementTree

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def local(url):
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def sitemap_files(client):
    """The addresses of the sitemap pages the index at /sitemap.xml lists, in order."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    return [loc.text for loc in root.findall("s:sitemap/s:loc", NS)]


def sitemap_entries(client):
    """[(loc, lastmod or None)] of every URL of every sitemap page, duplicates kept."""
    entries = []
    for address in sitemap_files(client):
        response = client.get(local(address))
        assert response.status_code == 200, address
        root = ElementTree.fromstring(response.content)
        for url in root.findall("s:url", NS):
            lastmod = url.find("s:lastmod", NS)
            entries.append((url.find("s:loc", NS).text, None if lastmod is None else lastmod.text))
    return entries


def sitemap_urls(client):
    return [loc for loc, _lastmod in sitemap_entries(client)]
