package dev.cuprum.samples.batch; class Placeholder {}
