import pytest
from fastapi.testclient import TestClient

from qa.api import create_app


@pytest.fixture(scope="session")
def client(built):
    settings, engine = built
    with TestClient(create_app(settings, engine=engine)) as c:
        yield c
