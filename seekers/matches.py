"""Matching both ways for job seekers (filled in below)."""
