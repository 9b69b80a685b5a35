package org.hotline.aggregate;

/**
 * One country's share of a table, counted three ways. Used where no more detail is due: all events
 * by country, and the side tables that are never part of the origin share.
 *
 * @param country        ISO 3166-1 alpha-2 code, null when no database knows the address
 * @param events         events (in attack tables: events that make up the attacks)
 * @param sources        distinct source addresses
 * @param bytes          bytes where the logs gave them, null if they gave none
 * @param eventsPercent  of the table's events
 * @param sourcesPercent of the table's distinct sources
 * @param bytesPercent   of the table's known bytes, null when no bytes are known
 */
public record CountryCount(String country, long events, long sources, Long bytes,
                           Double eventsPercent, Double sourcesPercent, Double bytesPercent) {}
