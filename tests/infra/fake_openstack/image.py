"""Glance (Image API v2): version discovery and read-only image listing.

Stands for the Image API v2 reference sections "Versions" and "Images" (list
with filters name, status, visibility, id, limit/marker; show).  Images come
from the configuration and are always active and public.
"""

from __future__ import annotations

from typing import Any

from .server import ApiError, Request, Response, Router

PREFIX = "/image"


def versions(req: Request) -> Response:
    """GET /image/: Glance answers 300 with its versions, newest first."""
    href = f"{req.base_url}{PREFIX}/v2/"
    values = [{"id": f"v2.{minor}", "status": "CURRENT" if minor == 16 else "SUPPORTED",
               "links": [{"rel": "self", "href": href}]} for minor in (16, 15, 9, 0)]
    return Response(300, {"versions": values})


def glance_not_found(message: str) -> ApiError:
    # Glance's 404s are webob pages rather than JSON.
    return ApiError(404, f"<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n"
                         f"  <h1>404 Not Found</h1>\n  {message}<br /><br />\n\n\n\n </body>\n</html>",
                    {"Content-Type": "text/html; charset=UTF-8"})


def list_images(req: Request) -> Response:
    """GET /image/v2/images: filters name, status, visibility, id; limit/marker."""
    images: list[dict[str, Any]] = sorted(req.cloud.images.values(), key=lambda i: i["name"])
    for key in ("name", "status", "visibility", "id", "owner", "disk_format"):
        wanted = req.arg(key)
        if wanted is not None and not (key == "visibility" and wanted == "all"):
            if key == "id" and wanted.startswith("in:"):
                ids = wanted[3:].split(",")
                images = [i for i in images if i["id"] in ids]
            else:
                images = [i for i in images if str(i.get(key)) == wanted]
    marker = req.arg("marker")
    if marker:
        ids = [i["id"] for i in images]
        if marker not in ids:
            raise ApiError(400, f"Invalid marker. Image {marker} could not be found.")
        images = images[ids.index(marker) + 1:]
    body: dict[str, Any] = {"first": "/v2/images", "schema": "/v2/schemas/images"}
    limit = req.arg("limit")
    if limit and int(limit) < len(images):
        images = images[:int(limit)]
        body["next"] = f"/v2/images?limit={limit}&marker={images[-1]['id']}"
    body["images"] = [dict(i) for i in images]
    return Response(200, body)


def get_image(req: Request) -> Response:
    """GET /image/v2/images/{image_id}."""
    image = req.cloud.images.get(req.params["image_id"])
    if image is None:
        raise glance_not_found(f"No image found with ID {req.params['image_id']}")
    return Response(200, dict(image))


def register(router: Router) -> None:
    router.add("GET", PREFIX, versions, auth=False)
    router.add("GET", f"{PREFIX}/v2/images", list_images)
    router.add("GET", f"{PREFIX}/v2/images/{{image_id}}", get_image)
