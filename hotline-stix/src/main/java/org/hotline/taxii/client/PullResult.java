package org.hotline.taxii.client;

/**
 * What a {@link TaxiiClient#pull} read.
 *
 * @param checkpoint the last {@code X-TAXII-Date-Added-Last} the server sent (or the {@code added_after}
 *                   the pull started from): pass it as {@code added_after} next time to get only newer
 *                   objects (exclusive, so nothing is read twice)
 */
public record PullResult(int pages, long objects, String checkpoint) {}
