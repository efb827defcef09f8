"""Applications from job seekers to jobs, and the employer's applications inbox (issue 20)."""
