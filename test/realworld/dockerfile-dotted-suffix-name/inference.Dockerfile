FROM python:3.10-slim
RUN pip install --no-cache-dir flask==2.3.3
WORKDIR /srv
COPY app.py /srv/app.py
EXPOSE 8080
USER 1000:100
CMD ["python3", "/srv/app.py"]
