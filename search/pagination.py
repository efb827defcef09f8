"""Search results that stand in for Django's Page in components/pagination.html."""


class ResultsPage:
    """Needs `page`, `num_pages`, `per_page`, `total` and the page's items as `shown_items`."""

    shown_items_attribute = "jobs"

    @property
    def shown_items(self):
        return getattr(self, self.shown_items_attribute)

    @property
    def number(self):
        return self.page

    @property
    def paginator(self):
        return self

    @property
    def count(self):
        return self.total

    def has_previous(self):
        return self.page > 1

    def has_next(self):
        return self.page < self.num_pages

    def previous_page_number(self):
        return self.page - 1

    def next_page_number(self):
        return self.page + 1

    def has_other_pages(self):
        return self.num_pages > 1

    @property
    def results_beyond_last_page(self):
        """Results no page shows (past the engines' result window): the last page says to refine."""
        if self.has_next():
            return 0
        return max(0, self.total - self.num_pages * self.per_page)

    @property
    def start_index(self):
        return (self.page - 1) * self.per_page + 1 if self.shown_items else 0

    @property
    def end_index(self):
        return self.start_index + len(self.shown_items) - 1 if self.shown_items else 0
