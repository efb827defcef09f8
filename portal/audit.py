"""What an audit row keeps of the request that read someone's data: the address asked for, the
method and the client's address (by the one rule of portal.ratelimit), so that the audit logs of
graduates, volunteers and job seekers record the same things the same way."""

from portal.ratelimit import client_address


def request_details(request):
    address = client_address(request)
    return {
        "path": request.get_full_path()[:300],
        "method": request.method,
        "ip_address": None if address == "unknown" else address,
    }
