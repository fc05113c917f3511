/** Delivery of execution events to observe hooks, with secrets masked. */
@NullMarked
package dev.cuprum.internal.events;

import org.jspecify.annotations.NullMarked;
