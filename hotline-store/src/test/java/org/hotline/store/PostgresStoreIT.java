package org.hotline.store;

/** Every store contract on a real PostgreSQL 17 server (a new database per database asked for). */
class PostgresStoreIT implements ConcernStoreContract, ChannelRegistryContract, OutboxContract,
        CollectionStoreContract, MedallionObjectsContract, MedallionManifestContract, MedallionWritesContract,
        ConcernExchangeContract, OutboxDeliveryContract, TaxiiStatusesContract, ForkReviewContract {

    @Override
    public String freshUrl() {
        return PostgresServer.freshDatabase();
    }
}
