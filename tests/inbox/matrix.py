from tests.matrix import Case


def world(w):
    import io

    from PIL import Image

    from flameblue.core.uploads import store_upload

    buf = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buf, "PNG")
    buf.seek(0)
    buf.name = "photo.png"
    w.mengcheng_photo = store_upload(buf, owner=w.orgs.mengcheng_hospital, purpose="test")


CASES = [
    Case("core:inbox", allowed="qiaocheng"),
    Case(
        "core:file-download",
        kwargs=lambda w: {"pk": w.mengcheng_photo.pk},
        allowed="mengcheng",
        out_of_scope="qiaocheng",
        note="files follow their owner's scope; a user with no view of the owner gets 404",
    ),
]
