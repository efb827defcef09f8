"""Take the README's screenshot of the home page from a running `make run` (Debian's chromium)."""

import sys

from playwright.sync_api import sync_playwright

url = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000/"
out = sys.argv[2] if len(sys.argv) > 2 else "docs/home.png"
width = int(sys.argv[3]) if len(sys.argv) > 3 else 1280

with sync_playwright() as p:
    browser = p.chromium.launch(
        executable_path="/usr/bin/chromium",
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
        ],
    )
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(url, wait_until="networkidle")
    page.screenshot(path=out, full_page=True)
    browser.close()
print(f"saved {out}")
