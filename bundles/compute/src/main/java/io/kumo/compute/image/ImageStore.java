package io.kumo.compute.image;

import io.kumo.api.query.QueryRequest;
import io.kumo.api.query.QueryResult;
import io.kumo.api.query.QueryService;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceContext;
import javax.transaction.Transactional;
import java.sql.Timestamp;
import java.util.List;
import java.util.function.Consumer;

/** Persists images and their copies on backup storage. */
@Transactional
public class ImageStore {
    @PersistenceContext(unitName = "kumo-compute")
    private EntityManager em;
    private final QueryService queryService;

    /** @param queryService runs queries */
    public ImageStore(QueryService queryService) { this.queryService = queryService; }

    /** @param em the entity manager (tests; blueprint injects the field) */
    public void setEntityManager(EntityManager em) { this.em = em; }

    /**
     * @param image              a new image
     * @param backupStorageUuids where copies of it are being made: a {@code Downloading} copy on each
     */
    public void create(ImageEntity image, List<String> backupStorageUuids) {
        em.persist(image);
        for (String bs : backupStorageUuids) {
            ImageBackupStorageRefEntity ref = new ImageBackupStorageRefEntity();
            ref.setImageUuid(image.getUuid());
            ref.setBackupStorageUuid(bs);
            ref.setStatus("Downloading");
            ref.setCreateDate(image.getCreateDate());
            ref.setLastOpDate(image.getCreateDate());
            em.persist(ref);
        }
    }

    /** @param uuid a uuid @return the image, or null */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ImageEntity find(String uuid) { return em.find(ImageEntity.class, uuid); }

    /** @param uuid a uuid @return true if an image has it */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String uuid) { return find(uuid) != null; }

    /** @param uuid the image @param changes applied to the managed row @return it changed, or null if absent */
    public ImageEntity update(String uuid, Consumer<ImageEntity> changes) {
        ImageEntity image = em.find(ImageEntity.class, uuid);
        if (image == null) {
            return null;
        }
        changes.accept(image);
        image.setLastOpDate(new Timestamp(System.currentTimeMillis()));
        return image;
    }

    /** Marks a copy stored. */
    public void refReady(String imageUuid, String backupStorageUuid, String installPath) {
        ImageBackupStorageRefEntity ref = em.find(ImageBackupStorageRefEntity.class,
                new ImageBackupStorageRefEntity.Key(imageUuid, backupStorageUuid));
        if (ref != null) {
            ref.setInstallPath(installPath);
            ref.setStatus("Ready");
            ref.setLastOpDate(new Timestamp(System.currentTimeMillis()));
        }
    }

    /**
     * @param imageUuid an image @param backupStorageUuid a storage holding it
     * @return its copy there, or null
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ImageBackupStorageRefEntity findRef(String imageUuid, String backupStorageUuid) {
        return em.find(ImageBackupStorageRefEntity.class, new ImageBackupStorageRefEntity.Key(imageUuid, backupStorageUuid));
    }

    /** Sets (or, with null, clears) the download URL of a copy. @return the previous URL */
    public String setExportUrl(String imageUuid, String backupStorageUuid, String url) {
        ImageBackupStorageRefEntity ref = findRef(imageUuid, backupStorageUuid);
        if (ref == null) {
            return null;
        }
        String previous = ref.getExportUrl();
        ref.setExportUrl(url);
        ref.setLastOpDate(new Timestamp(System.currentTimeMillis()));
        return previous;
    }

    /** @return true if the copy existed */
    public boolean deleteRef(String imageUuid, String backupStorageUuid) {
        return em.createQuery("DELETE FROM ImageBackupStorageRefEntity r WHERE r.imageUuid = :i AND r.backupStorageUuid = :b")
                .setParameter("i", imageUuid).setParameter("b", backupStorageUuid).executeUpdate() > 0;
    }

    /** Deletes an image and its copies' rows. @return true if it existed */
    public boolean delete(String uuid) {
        em.createQuery("DELETE FROM ImageBackupStorageRefEntity r WHERE r.imageUuid = :i").setParameter("i", uuid).executeUpdate();
        return em.createQuery("DELETE FROM ImageEntity i WHERE i.uuid = :i").setParameter("i", uuid).executeUpdate() > 0;
    }

    /** @param backupStorageUuid a backup storage @return the images with a copy on it */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ImageEntity> onBackupStorage(String backupStorageUuid) {
        return em.createQuery("SELECT DISTINCT i FROM ImageEntity i JOIN i.backupStorageRefs r WHERE r.backupStorageUuid = :b",
                ImageEntity.class).setParameter("b", backupStorageUuid).getResultList();
    }

    /** @param request a query @return the page */
    @Transactional(Transactional.TxType.SUPPORTS)
    public QueryResult<Object> query(QueryRequest request) {
        return queryService.query(em, ImageEntity.class, request, ImageEntity::toInventory);
    }
}
