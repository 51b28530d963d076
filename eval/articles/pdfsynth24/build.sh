#!/bin/sh
# Build pdfsynth24.pdf with iText 5 (apt: libitext5-java) and OpenJDK 17.
set -e
cd "$(dirname "$0")"
CP=/usr/share/java/itext5.jar
mkdir -p tmp/classes corpus
javac -encoding UTF-8 -cp "$CP" -d tmp/classes src/Make24.java
java -cp "$CP:tmp/classes" Make24 src corpus/pdfsynth24.pdf
pdfinfo corpus/pdfsynth24.pdf | grep -E 'Pages|Producer|Page size'
