"""The start page: answer questions, or describe the cramps in your own words."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import HTMLResponse

from crampcoach.web.interview_state import InterviewForm
from crampcoach.web.templating import render

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    return render(request, "home.html", {"state": InterviewForm()})
